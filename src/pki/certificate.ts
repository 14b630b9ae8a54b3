/**
 * X.509 v3 certificate parsing (RFC 5280 §4.1), strict and in one pass over the DER.
 * The result is a plain value; verification decisions live in src/path/.
 */
import { hash as oneShotHash, type KeyObject } from 'node:crypto';
import { GatewayError } from '../errors.js';
import { TAG, cursor, parseDer, readTlv, value, whole, type Tlv } from './der.js';
import {
  bytesEqual,
  readBitString,
  readBoolean,
  readIntegerBytes,
  readOctetString,
  readOid,
  readSmallInt,
  readTime,
  toHex,
} from './der-values.js';
import { parseSignatureAlgorithm, type SignatureAlgorithm } from './algorithms.js';
import { importSpki, type PublicKeyInfo } from './public-key.js';
import { parseIssuerName, parseName, type Name } from './name.js';
import { OID } from './oids.js';
import {
  decodeAiaOcspUrls,
  decodeAuthorityKeyIdentifier,
  decodeBasicConstraints,
  decodeCertificatePolicies,
  decodeCrlDistributionPoints,
  decodeGeneralNamesExtension,
  decodeKeyUsage,
  decodeOidSequence,
  decodeSubjectKeyIdentifier,
  type AuthorityKeyIdentifier,
  type BasicConstraints,
  type DistributionPoint,
  type GeneralName,
} from './extensions.js';

export const MAX_CERTIFICATE_BYTES = 64 * 1024;

export interface Extension {
  readonly oid: string;
  readonly critical: boolean;
  readonly value: Uint8Array;
}

export interface Certificate {
  readonly der: Uint8Array;
  readonly tbs: Uint8Array;
  readonly version: number;
  readonly serial: Uint8Array;
  readonly serialHex: string;
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly signatureValue: Uint8Array;
  readonly issuer: Name;
  readonly subject: Name;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly spki: Uint8Array;
  readonly extensions: ReadonlyMap<string, Extension>;
  readonly basicConstraints: BasicConstraints | undefined;
  readonly keyUsage: number | undefined;
  readonly extKeyUsage: readonly string[] | undefined;
  readonly subjectKeyId: Uint8Array | undefined;
  readonly authorityKeyId: AuthorityKeyIdentifier | undefined;
  readonly policies: readonly string[] | undefined;
  readonly subjectAltNames: readonly GeneralName[] | undefined;
  readonly crlDistributionPoints: readonly DistributionPoint[] | undefined;
  readonly ocspUrls: readonly string[];
  readonly hasUniqueIds: boolean;
  /** Imported on first use and cached. */
  publicKey(): PublicKeyInfo;
  sha256(): Uint8Array;
}

/** Parses a DER certificate. Throws GatewayError (DER codes or ERR_CERT_*) on any defect. */
export function parseCertificate(der: Uint8Array): Certificate {
  if (der.length > MAX_CERTIFICATE_BYTES) throw new GatewayError('ERR_INPUT_TOO_LARGE', 'certificate');
  return parseTree(der, parseDer(der));
}

/**
 * Same as parseCertificate for bytes that are an element of a larger input already checked
 * by parseDer (the certificates of a CMS): the tree walk is not repeated on the hot path.
 */
export function parseCertificateFromCheckedTree(der: Uint8Array): Certificate {
  if (der.length > MAX_CERTIFICATE_BYTES) throw new GatewayError('ERR_INPUT_TOO_LARGE', 'certificate');
  const root = readTlv(der, 0, der.length);
  if (root.end !== der.length) throw new GatewayError('ERR_DER_TRAILING_DATA', 'certificate');
  return parseTree(der, root);
}

function parseTree(der: Uint8Array, root: Tlv): Certificate {
  // RFC 5280 §4.1: Certificate ::= SEQUENCE (cursor() does not look at the parent's own tag)
  if (root.tag !== TAG.SEQUENCE) throw new GatewayError('ERR_DER_STRUCTURE', 'Certificate must be a SEQUENCE');
  const top = cursor(der, root, 'Certificate');
  const tbsT = top.next(TAG.SEQUENCE);
  const outerAlgT = top.next(TAG.SEQUENCE);
  const sigT = top.next(TAG.BIT_STRING);
  top.end();

  const c = cursor(der, tbsT, 'TBSCertificate');
  let version = 1;
  const vT = c.optional(0xa0);
  if (vT) {
    const vc = cursor(der, vT);
    version = readSmallInt(der, vc.next(TAG.INTEGER)) + 1;
    vc.end();
    // X.690 §11.5: DEFAULT v1 must not be encoded
    if (version === 1) throw new GatewayError('ERR_DER_NOT_CANONICAL', 'explicit v1 version');
  }
  if (version !== 3) throw new GatewayError('ERR_CERT_VERSION', `v${version}`);
  const serial = readIntegerBytes(der, c.next(TAG.INTEGER));
  const innerAlgT = c.next(TAG.SEQUENCE);
  // RFC 5280 §4.1.1.2: the two AlgorithmIdentifiers must be identical
  if (!bytesEqual(whole(der, innerAlgT), whole(der, outerAlgT))) {
    throw new GatewayError('ERR_CERT_SIGNATURE_ALG_MISMATCH');
  }
  const issuer = parseIssuerName(der, c.next(TAG.SEQUENCE));
  const validity = cursor(der, c.next(TAG.SEQUENCE), 'Validity');
  const notBefore = readTime(der, validity.next());
  const notAfter = readTime(der, validity.next());
  validity.end();
  const subject = parseName(der, c.next(TAG.SEQUENCE));
  const spkiT = c.next(TAG.SEQUENCE);
  const issuerUid = c.optional(0x81);
  const subjectUid = c.optional(0x82);
  const extT = c.optional(0xa3);
  c.end();

  const signatureAlgorithm = parseSignatureAlgorithm(der, outerAlgT);
  const signatureValue = readBitString(der, sigT).bytes;
  const extensions = extT ? parseExtensions(der, extT) : new Map<string, Extension>();
  const get = (oid: string): Uint8Array | undefined => extensions.get(oid)?.value;

  const decoded = decodeKnown(get);
  let key: PublicKeyInfo | undefined;
  let hash: Uint8Array | undefined;
  return {
    der,
    tbs: whole(der, tbsT),
    version,
    serial,
    serialHex: toHex(serial),
    signatureAlgorithm,
    signatureValue,
    issuer,
    subject,
    notBefore,
    notAfter,
    spki: whole(der, spkiT),
    extensions,
    ...decoded,
    hasUniqueIds: !!(issuerUid || subjectUid),
    publicKey: () => (key ??= importSpki(der, spkiT)),
    sha256: () => (hash ??= oneShotHash('sha256', der, 'buffer')),
  };
}

function decodeKnown(get: (oid: string) => Uint8Array | undefined) {
  try {
    const v = <T>(oid: string, f: (d: Uint8Array) => T): T | undefined => {
      const d = get(oid);
      return d ? f(d) : undefined;
    };
    return {
      basicConstraints: v(OID.basicConstraints, decodeBasicConstraints),
      keyUsage: v(OID.keyUsage, decodeKeyUsage),
      extKeyUsage: v(OID.extKeyUsage, (d) => decodeOidSequence(d, 'extKeyUsage')),
      subjectKeyId: v(OID.subjectKeyIdentifier, decodeSubjectKeyIdentifier),
      authorityKeyId: v(OID.authorityKeyIdentifier, decodeAuthorityKeyIdentifier),
      policies: v(OID.certificatePolicies, decodeCertificatePolicies),
      subjectAltNames: v(OID.subjectAltName, decodeGeneralNamesExtension),
      crlDistributionPoints: v(OID.crlDistributionPoints, decodeCrlDistributionPoints),
      ocspUrls: v(OID.authorityInfoAccess, decodeAiaOcspUrls) ?? [],
    };
  } catch (e) {
    if (e instanceof GatewayError && e.code !== 'ERR_CERT_MALFORMED') {
      throw new GatewayError('ERR_CERT_MALFORMED', `extension: ${e.detail ?? e.code}`);
    }
    throw e;
  }
}

function parseExtensions(der: Uint8Array, extT: Tlv): Map<string, Extension> {
  const wrapper = cursor(der, extT);
  const seqT = wrapper.next(TAG.SEQUENCE);
  wrapper.end();
  const c = cursor(der, seqT, 'Extensions');
  const out = new Map<string, Extension>();
  if (c.done) throw new GatewayError('ERR_CERT_MALFORMED', 'empty extensions');
  while (!c.done) {
    const e = cursor(der, c.next(TAG.SEQUENCE), 'Extension');
    const oid = readOid(der, e.next(TAG.OID));
    const critT = e.optional(TAG.BOOLEAN);
    const critical = critT ? readBoolean(der, critT) : false;
    if (critT && !critical) throw new GatewayError('ERR_DER_NOT_CANONICAL', 'critical FALSE encoded explicitly');
    const v = readOctetString(der, e.next(TAG.OCTET_STRING));
    e.end();
    // RFC 5280 §4.2: a certificate MUST NOT include more than one instance of an extension
    if (out.has(oid)) throw new GatewayError('ERR_CERT_DUPLICATE_EXTENSION', oid);
    out.set(oid, { oid, critical, value: v });
  }
  return out;
}

export function keyUsageAllows(cert: Certificate, bit: number): boolean {
  return cert.keyUsage === undefined || (cert.keyUsage & bit) !== 0;
}

export type { Name, KeyObject };
export { value as tlvValue };
