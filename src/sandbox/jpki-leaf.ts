import { createHash, type KeyObject } from 'node:crypto';
import { OID } from '../pki/oids.js';
import {
  buildCertificate,
  type CertificateSpec,
  type ExtensionSpec,
  type SignatureAlgorithmName,
} from './certificate-builder.js';
import {
  authorityInfoAccessOcsp,
  authorityKeyIdentifier,
  certificatePolicies,
  crlDistributionPointDirName,
  extKeyUsage,
  issuerAltNameDirName,
  keyIdentifier,
  keyUsage,
  subjectAltNameOtherNames,
  subjectKeyIdentifier,
} from './extensions.js';
import { DEFAULT_IDENTITY, fifthBirthdayAfter, identityOtherNames, type SandboxIdentity } from './jpki-identity.js';
import {
  DEFAULT_OCSP_URL,
  JPKI_TEST_AUTHENTICATION_POLICY,
  JPKI_TEST_SIGNING_POLICY,
  SANDBOX_EPOCH,
  authenticationSubjectName,
  crlDistributionPointName,
  rootAltName,
  signingSubjectName,
  type JpkiPurpose,
} from './jpki-names.js';
import type { RootGeneration } from './jpki-roots.js';
import { deriveRsaKey, type SandboxKeyPair } from './keys.js';

// Leaf issuance with the JPKI end-entity profile (jpki-reference §1, §2), plus escape hatches
// (replace/omit/extra extensions, raw spec overrides) so negative tests start from a
// profile-conformant certificate and change exactly one thing.

/** What a leaf needs from its CA: a root, or any CA a test builds (e.g. an intermediate). */
export interface SandboxIssuer {
  der: Uint8Array;
  pem: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  subjectDer: Uint8Array;
  /** The CA certificate's own issuer (AKI authorityCertIssuer); default: subjectDer (a root). */
  issuerDer?: Uint8Array;
  keyId: Uint8Array;
  serial: bigint;
}

export interface IssueOptions<I extends SandboxIssuer = SandboxIssuer> {
  generation?: RootGeneration; // default '2023'
  issuer?: I; // overrides generation
  notBefore?: Date; // default SANDBOX_EPOCH (2026-01-05T00:00:00Z)
  notAfter?: Date; // default: 14:59:59Z on the 5th birthday after notBefore
  serial?: bigint | number | string; // string = hex; default: next in the seed's sequence
  keySeed?: string; // default: `${seed}/leaf/${purpose}/${serialHex}`
  key?: SandboxKeyPair; // use this key instead of deriving one (e.g. an EC key)
  identity?: Partial<SandboxIdentity>; // merged over DEFAULT_IDENTITY
  prefecture?: string; // romaji, default 'Tokyo-to'
  municipality?: string; // romaji, default 'Chiyoda-ku'
  subjectId?: string; // subject CN; default: 28 hex chars derived from seed + serial
  ocspUrl?: string; // authentication only; default DEFAULT_OCSP_URL
  signatureAlgorithm?: SignatureAlgorithmName;
  replaceExtensions?: ExtensionSpec[]; // replace in place, matched by OID
  omitExtensions?: string[]; // OIDs to drop
  extraExtensions?: ExtensionSpec[]; // appended (duplicates allowed, for negative tests)
  overrides?: Partial<CertificateSpec>; // applied last, to the raw spec
}

export interface IssuedCertificate<I extends SandboxIssuer = SandboxIssuer> {
  der: Uint8Array;
  pem: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Uppercase hex, as node's X509Certificate.serialNumber prints it. */
  serial: string;
  issuer: I;
  /** DER of the subject Name and the SKI bytes, so a test can turn this into an issuer (toIssuer). */
  subjectDer: Uint8Array;
  keyId: Uint8Array;
  subjectId: string;
  notBefore: Date;
  notAfter: Date;
  identity: SandboxIdentity;
}

function toSerial(v: bigint | number | string): bigint {
  if (typeof v === 'string') {
    if (!/^[0-9a-fA-F]+$/.test(v)) throw new TypeError(`serial must be hex: ${v}`);
    return BigInt(`0x${v}`);
  }
  return BigInt(v);
}

function serialHex(serial: bigint): string {
  const hex = serial.toString(16).toUpperCase();
  return hex.length % 2 ? `0${hex}` : hex;
}

export function issueLeaf<I extends SandboxIssuer>(
  seed: string,
  purpose: JpkiPurpose,
  issuer: I,
  opts: IssueOptions<I>,
  nextSerial: () => bigint,
): IssuedCertificate<I> {
  const serial = opts.serial === undefined ? nextSerial() : toSerial(opts.serial);
  const hex = serialHex(serial);
  const { privateKey, publicKey } = opts.key ?? deriveRsaKey(opts.keySeed ?? `${seed}/leaf/${purpose}/${hex}`);
  const identity: SandboxIdentity = { ...DEFAULT_IDENTITY, ...opts.identity };
  const prefecture = opts.prefecture ?? 'Tokyo-to';
  const municipality = opts.municipality ?? 'Chiyoda-ku';
  const subjectId =
    opts.subjectId ??
    createHash('sha256').update(`${seed}/subject-id/${purpose}/${hex}`).digest('hex').slice(0, 28).toUpperCase();
  const notBefore = opts.notBefore ?? SANDBOX_EPOCH;
  const notAfter = opts.notAfter ?? fifthBirthdayAfter(notBefore, identity.birthDate);
  const signing = purpose === 'signing';

  const ext = (oid: string, critical: boolean, value: Uint8Array): ExtensionSpec => ({ oid, critical, value });
  let extensions: ExtensionSpec[] = [
    ext(OID.keyUsage, true, keyUsage(signing ? ['digitalSignature', 'nonRepudiation'] : ['digitalSignature'])),
    ext(
      OID.certificatePolicies,
      true,
      certificatePolicies([signing ? JPKI_TEST_SIGNING_POLICY : JPKI_TEST_AUTHENTICATION_POLICY]),
    ),
    ...(signing ? [ext(OID.subjectAltName, false, subjectAltNameOtherNames(identityOtherNames(identity)))] : []),
    ext(OID.issuerAltName, false, issuerAltNameDirName(rootAltName(purpose))),
    // Criticality of the auth certificate's extKeyUsage is not documented (jpki-reference §1):
    // non-critical is the conservative choice; tests can flip it with replaceExtensions.
    ...(signing ? [] : [ext(OID.extKeyUsage, false, extKeyUsage([OID.kpClientAuth]))]),
    ext(
      OID.crlDistributionPoints,
      false,
      crlDistributionPointDirName(crlDistributionPointName(purpose, prefecture, municipality)),
    ),
    ...(signing
      ? []
      : [ext(OID.authorityInfoAccess, false, authorityInfoAccessOcsp(opts.ocspUrl ?? DEFAULT_OCSP_URL))]),
    ext(
      OID.authorityKeyIdentifier,
      false,
      authorityKeyIdentifier(issuer.keyId, issuer.issuerDer ?? issuer.subjectDer, issuer.serial),
    ),
    ext(OID.subjectKeyIdentifier, false, subjectKeyIdentifier(publicKey)),
  ];
  const replacements = new Map((opts.replaceExtensions ?? []).map((e) => [e.oid, e]));
  const omitted = new Set(opts.omitExtensions ?? []);
  extensions = extensions
    .filter((e) => !omitted.has(e.oid))
    .map((e) => replacements.get(e.oid) ?? e)
    .concat(opts.extraExtensions ?? []);

  const spec: CertificateSpec = {
    serial,
    issuerName: issuer.subjectDer,
    subjectName: signing
      ? signingSubjectName(prefecture, municipality, subjectId)
      : authenticationSubjectName(subjectId),
    notBefore,
    notAfter,
    subjectPublicKey: publicKey,
    issuerPrivateKey: issuer.privateKey,
    extensions,
    ...(opts.signatureAlgorithm ? { signatureAlgorithm: opts.signatureAlgorithm } : {}),
    ...opts.overrides,
  };
  const { der, pem } = buildCertificate(spec);
  return {
    der,
    pem,
    privateKey,
    publicKey,
    serial: hex,
    issuer,
    subjectDer: spec.subjectName,
    keyId: keyIdentifier(publicKey),
    subjectId,
    notBefore: spec.notBefore,
    notAfter: spec.notAfter,
    identity,
  };
}

/** Use an issued certificate as the issuer of further ones (intermediate-CA and path tests). */
export function toIssuer(cert: IssuedCertificate): SandboxIssuer {
  return {
    der: cert.der,
    pem: cert.pem,
    privateKey: cert.privateKey,
    publicKey: cert.publicKey,
    subjectDer: cert.subjectDer,
    issuerDer: cert.issuer.subjectDer,
    keyId: cert.keyId,
    serial: BigInt(`0x${cert.serial}`),
  };
}
