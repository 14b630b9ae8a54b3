/**
 * CertID (RFC 6960 §4.1.1): hash algorithm, hash of the issuer's name (the DER of the
 * `issuer` field of the certificate being checked), hash of the issuer's public key (the
 * subjectPublicKey BIT STRING value without the unused-bits octet) and the serial number.
 */
import { createHash } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import type { Certificate } from '../../pki/certificate.js';
import { TAG, cursor, parseDer, type Tlv } from '../../pki/der.js';
import {
  bytesEqual,
  readBitString,
  readIntegerBytes,
  readNull,
  readOctetString,
  readOid,
} from '../../pki/der-values.js';
import { nullValue, octetString, oid, seq, tlv } from '../../pki/der-write.js';
import { OID } from '../../pki/oids.js';
import type { CertId, CertIdHash } from './types.js';

export const CERT_ID_HASH_OID: Readonly<Record<CertIdHash, string>> = { 'SHA-256': OID.sha256, 'SHA-1': OID.sha1 };
const NODE_NAME: Readonly<Record<string, string>> = { [OID.sha256]: 'sha256', [OID.sha1]: 'sha1' };

const keyBitsCache = new WeakMap<Certificate, Uint8Array>();

/** The subjectPublicKey BIT STRING contents of a certificate (cached per parsed certificate). */
export function publicKeyBits(cert: Certificate): Uint8Array {
  let bits = keyBitsCache.get(cert);
  if (!bits) {
    const spki = parseDer(cert.spki, 8);
    const c = cursor(cert.spki, spki, 'SubjectPublicKeyInfo');
    c.next(TAG.SEQUENCE);
    bits = readBitString(cert.spki, c.next(TAG.BIT_STRING)).bytes;
    keyBitsCache.set(cert, bits);
  }
  return bits;
}

const sha1KeyCache = new WeakMap<Certificate, Uint8Array>();

/** SHA-1 of the public key: ResponderID byKey (RFC 6960 §4.2.1) and the cache key of the checker. */
export function keyHashSha1(cert: Certificate): Uint8Array {
  let h = sha1KeyCache.get(cert);
  if (!h) {
    h = digest(OID.sha1, publicKeyBits(cert));
    sha1KeyCache.set(cert, h);
  }
  return h;
}

function digest(hashOid: string, data: Uint8Array): Uint8Array {
  const name = NODE_NAME[hashOid];
  if (!name) throw new TypeError(`CertID hash ${hashOid} is not supported`);
  return new Uint8Array(createHash(name).update(data).digest());
}

/** The CertID a request for `cert` (issued by `issuer`) carries. */
export function computeCertId(cert: Certificate, issuer: Certificate, hash: CertIdHash): CertId {
  const hashOid = CERT_ID_HASH_OID[hash];
  if (!hashOid) throw new TypeError(`certIdHash must be 'SHA-256' or 'SHA-1', got ${String(hash)}`);
  return {
    hashOid,
    issuerNameHash: digest(hashOid, cert.issuer.der),
    issuerKeyHash: hashOid === OID.sha1 ? keyHashSha1(issuer) : digest(hashOid, publicKeyBits(issuer)),
    serial: cert.serial,
  };
}

/** DER of a CertID (hash parameters NULL, as OpenSSL and most responders write them). */
export function encodeCertId(id: CertId): Uint8Array {
  return seq(
    seq(oid(id.hashOid), nullValue()),
    octetString(id.issuerNameHash),
    octetString(id.issuerKeyHash),
    tlv(TAG.INTEGER, id.serial), // INTEGER content bytes, written back verbatim
  );
}

/** Reads a CertID. Hash parameters must be absent or NULL (RFC 5754 §2). */
export function parseCertId(buf: Uint8Array, t: Tlv): CertId {
  const c = cursor(buf, t, 'CertID');
  const alg = cursor(buf, c.next(TAG.SEQUENCE), 'CertID hashAlgorithm');
  const hashOid = readOid(buf, alg.next(TAG.OID));
  if (!alg.done) readNull(buf, alg.next());
  alg.end();
  const issuerNameHash = readOctetString(buf, c.next(TAG.OCTET_STRING));
  const issuerKeyHash = readOctetString(buf, c.next(TAG.OCTET_STRING));
  const serial = readIntegerBytes(buf, c.next(TAG.INTEGER));
  c.end();
  if (issuerNameHash.length === 0 || issuerKeyHash.length === 0) {
    throw new GatewayError('ERR_DER_STRUCTURE', 'CertID with an empty hash');
  }
  return { hashOid, issuerNameHash, issuerKeyHash, serial };
}

/** Field-by-field equality; which field differs, for the error detail, or undefined. */
export function certIdDifference(expected: CertId, actual: CertId): string | undefined {
  if (expected.hashOid !== actual.hashOid) return `hash algorithm ${actual.hashOid}`;
  if (!bytesEqual(expected.issuerNameHash, actual.issuerNameHash)) return 'issuerNameHash';
  if (!bytesEqual(expected.issuerKeyHash, actual.issuerKeyHash)) return 'issuerKeyHash';
  if (!bytesEqual(expected.serial, actual.serial)) return 'serialNumber';
  return undefined;
}
