/**
 * Signature and digest algorithm identifiers: an allow-list. SHA-1, MD5, DSA and anything
 * unknown are rejected with ERR_ALG_NOT_ALLOWED (CRYPTO_CONSTRAINTS_FAILURE).
 */
import { GatewayError } from '../errors.js';
import { TAG, cursor, type Tlv } from './der.js';
import { bytesEqual, readNull, readOid, readSmallInt } from './der-values.js';
import { OID } from './oids.js';

export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';

export type SignatureAlgorithm =
  | { readonly kind: 'rsa-pkcs1'; readonly hash: HashName; readonly oid: string }
  | { readonly kind: 'rsa-pss'; readonly hash: HashName; readonly saltLength: number; readonly oid: string }
  | { readonly kind: 'ecdsa'; readonly hash: HashName; readonly oid: string };

export const HASH_LENGTH: Record<HashName, number> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };
/** node:crypto names. */
export const NODE_HASH: Record<HashName, string> = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

const DIGESTS: Record<string, HashName> = {
  [OID.sha256]: 'SHA-256',
  [OID.sha384]: 'SHA-384',
  [OID.sha512]: 'SHA-512',
};
const WEAK_DIGESTS = new Set<string>([OID.sha1, OID.md5]);

const RSA_PKCS1: Record<string, HashName> = {
  [OID.sha256WithRSA]: 'SHA-256',
  [OID.sha384WithRSA]: 'SHA-384',
  [OID.sha512WithRSA]: 'SHA-512',
};
const ECDSA: Record<string, HashName> = {
  [OID.ecdsaWithSHA256]: 'SHA-256',
  [OID.ecdsaWithSHA384]: 'SHA-384',
  [OID.ecdsaWithSHA512]: 'SHA-512',
};

/** Digest AlgorithmIdentifier (RFC 5754 §2: parameters absent or NULL). */
export function parseDigestAlgorithm(buf: Uint8Array, t: Tlv): HashName {
  const c = cursor(buf, t, 'DigestAlgorithmIdentifier');
  const oid = readOid(buf, c.next(TAG.OID));
  if (!c.done) readNull(buf, c.next());
  c.end();
  const hash = DIGESTS[oid];
  if (!hash) {
    throw new GatewayError('ERR_ALG_NOT_ALLOWED', WEAK_DIGESTS.has(oid) ? `weak digest ${oid}` : `digest ${oid}`);
  }
  return hash;
}

/** Signature AlgorithmIdentifier (RFC 4055 for RSA, RFC 5758 for ECDSA). */
export function parseSignatureAlgorithm(buf: Uint8Array, t: Tlv): SignatureAlgorithm {
  const c = cursor(buf, t, 'AlgorithmIdentifier');
  const oid = readOid(buf, c.next(TAG.OID));
  const rsa = RSA_PKCS1[oid];
  if (rsa) {
    // RFC 4055 §5: parameters MUST be NULL; tolerate absence as many encoders omit it.
    if (!c.done) readNull(buf, c.next());
    c.end();
    return { kind: 'rsa-pkcs1', hash: rsa, oid };
  }
  const ec = ECDSA[oid];
  if (ec) {
    c.end(); // RFC 5758 §3.2: parameters MUST be absent
    return { kind: 'ecdsa', hash: ec, oid };
  }
  if (oid === OID.rsassaPss) {
    const params = c.next(TAG.SEQUENCE);
    c.end();
    return parsePssParams(buf, params);
  }
  throw new GatewayError('ERR_ALG_NOT_ALLOWED', `signature algorithm ${oid}`);
}

/** RSASSA-PSS-params (RFC 4055 §3.1): we require explicit SHA-2, MGF1 with the same hash, trailer 1. */
function parsePssParams(buf: Uint8Array, t: Tlv): SignatureAlgorithm {
  const c = cursor(buf, t, 'RSASSA-PSS-params');
  const h = c.optional(0xa0);
  if (!h) throw new GatewayError('ERR_ALG_NOT_ALLOWED', 'PSS with default SHA-1');
  const hash = parseDigestAlgorithm(buf, cursor(buf, h).next(TAG.SEQUENCE));
  const m = c.optional(0xa1);
  if (!m) throw new GatewayError('ERR_ALG_NOT_ALLOWED', 'PSS with default MGF1-SHA-1');
  const mgf = cursor(buf, cursor(buf, m).next(TAG.SEQUENCE), 'MGF');
  if (readOid(buf, mgf.next(TAG.OID)) !== OID.mgf1) throw new GatewayError('ERR_ALG_NOT_ALLOWED', 'PSS MGF');
  const mgfHash = parseDigestAlgorithm(buf, mgf.next(TAG.SEQUENCE));
  mgf.end();
  if (mgfHash !== hash) throw new GatewayError('ERR_ALG_NOT_ALLOWED', 'PSS MGF hash differs');
  let saltLength = 20;
  const s = c.optional(0xa2);
  if (s) saltLength = readSmallInt(buf, cursor(buf, s).next(TAG.INTEGER));
  const tr = c.optional(0xa3);
  if (tr && readSmallInt(buf, cursor(buf, tr).next(TAG.INTEGER)) !== 1) {
    throw new GatewayError('ERR_ALG_NOT_ALLOWED', 'PSS trailer field');
  }
  c.end();
  return { kind: 'rsa-pss', hash, saltLength, oid: OID.rsassaPss };
}

export function sameAlgorithmEncoding(a: Uint8Array, b: Uint8Array): boolean {
  return bytesEqual(a, b);
}
