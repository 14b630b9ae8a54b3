import { sign as cryptoSign, constants, type KeyObject } from 'node:crypto';
import { bitString, bool, explicit, integer, nullValue, octetString, oid, seq, time } from '../pki/der-write.js';
import { OID } from '../pki/oids.js';

// Low-level X.509 v3 writer for the sandbox and for hostile test vectors. It encodes exactly
// what it is told (no profile checks), so tests can produce certificates a CA never would.

export type SignatureAlgorithmName =
  'sha256WithRSA' | 'sha1WithRSA' | 'sha384WithRSA' | 'sha512WithRSA' | 'rsassaPss-sha256' | 'ecdsa-sha256';

export interface ExtensionSpec {
  oid: string;
  critical: boolean;
  /** extnValue contents (the DER inside the OCTET STRING). */
  value: Uint8Array;
}

export interface CertificateSpec {
  serial: bigint | Uint8Array;
  /** DER of the issuer Name (see `name()`). */
  issuerName: Uint8Array;
  subjectName: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  subjectPublicKey: KeyObject;
  issuerPrivateKey: KeyObject;
  signatureAlgorithm?: SignatureAlgorithmName;
  extensions: ExtensionSpec[];
  /** X.509 version as displayed (1, 2 or 3; encoded as version − 1). Default 3. */
  version?: number;
  /** Algorithm written inside tbsCertificate, to craft RFC 5280 §4.1.1.2 mismatches. */
  tbsSignatureAlgorithmOverride?: SignatureAlgorithmName | Uint8Array;
  /** Flip one bit of the signature value. */
  corruptSignature?: boolean;
}

export interface BuiltCertificate {
  der: Uint8Array;
  pem: string;
}

const HASH: Record<SignatureAlgorithmName, string> = {
  sha256WithRSA: 'sha256',
  sha1WithRSA: 'sha1',
  sha384WithRSA: 'sha384',
  sha512WithRSA: 'sha512',
  'rsassaPss-sha256': 'sha256',
  'ecdsa-sha256': 'sha256',
};

/** AlgorithmIdentifier DER for a signature algorithm (RFC 4055 §3.1, RFC 5758 §3.2). */
export function signatureAlgorithmIdentifier(alg: SignatureAlgorithmName): Uint8Array {
  switch (alg) {
    case 'sha256WithRSA':
      return seq(oid(OID.sha256WithRSA), nullValue());
    case 'sha1WithRSA':
      return seq(oid(OID.sha1WithRSA), nullValue());
    case 'sha384WithRSA':
      return seq(oid(OID.sha384WithRSA), nullValue());
    case 'sha512WithRSA':
      return seq(oid(OID.sha512WithRSA), nullValue());
    case 'rsassaPss-sha256': {
      const sha256 = seq(oid(OID.sha256), nullValue());
      return seq(
        oid(OID.rsassaPss),
        seq(explicit(0, sha256), explicit(1, seq(oid(OID.mgf1), sha256)), explicit(2, integer(32))),
      );
    }
    case 'ecdsa-sha256':
      // RFC 5758 §3.2: parameters MUST be absent.
      return seq(oid(OID.ecdsaWithSHA256));
    default:
      throw new TypeError(`unknown signature algorithm ${String(alg)}`);
  }
}

export function signWith(alg: SignatureAlgorithmName, key: KeyObject, data: Uint8Array): Uint8Array {
  const hash = HASH[alg];
  if (!hash) throw new TypeError(`unknown signature algorithm ${String(alg)}`);
  if (alg === 'rsassaPss-sha256') {
    return cryptoSign(hash, data, {
      key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 32,
    });
  }
  // ECDSA: node emits the DER Ecdsa-Sig-Value X.509 expects (RFC 5758 §3.2).
  return cryptoSign(hash, data, key);
}

export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
export function encodeExtension(ext: ExtensionSpec): Uint8Array {
  // DER (X.690 §11.5) omits a DEFAULT value, so critical=false is not written.
  return ext.critical
    ? seq(oid(ext.oid), bool(true), octetString(ext.value))
    : seq(oid(ext.oid), octetString(ext.value));
}

export function buildCertificate(spec: CertificateSpec): BuiltCertificate {
  const alg = spec.signatureAlgorithm ?? 'sha256WithRSA';
  const version = spec.version ?? 3;
  if (!Number.isInteger(version) || version < 1) throw new TypeError(`invalid version ${version}`);
  const override = spec.tbsSignatureAlgorithmOverride;
  const tbsAlg =
    override === undefined
      ? signatureAlgorithmIdentifier(alg)
      : override instanceof Uint8Array
        ? override
        : signatureAlgorithmIdentifier(override);
  const spki = new Uint8Array(spec.subjectPublicKey.export({ type: 'spki', format: 'der' }));
  const tbs = seq(
    // v1 is the DEFAULT and therefore absent in DER.
    ...(version === 1 ? [] : [explicit(0, integer(version - 1))]),
    integer(spec.serial),
    tbsAlg,
    spec.issuerName,
    seq(time(spec.notBefore), time(spec.notAfter)),
    spec.subjectName,
    spki,
    ...(spec.extensions.length > 0 ? [explicit(3, seq(...spec.extensions.map(encodeExtension)))] : []),
  );
  const signature = signWith(alg, spec.issuerPrivateKey, tbs);
  if (spec.corruptSignature) {
    const last = signature.length - 1;
    signature[last] = (signature[last] ?? 0) ^ 0x01;
  }
  const der = seq(tbs, signatureAlgorithmIdentifier(alg), bitString(signature));
  return { der, pem: toPem(der) };
}
