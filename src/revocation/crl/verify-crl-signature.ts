/**
 * CRL signature verification without holding the CRL in memory.
 *
 * The scanner already hashed tbsCertList while streaming. node:crypto has no "verify a
 * pre-computed digest" call, so for RSA PKCS#1 v1.5 (RFC 8017 §8.2.2) — what J-LIS uses — we
 * do what RSA_verify does internally: RSA public operation with type-1 padding checked by
 * OpenSSL, then an exact comparison of the recovered DigestInfo with the expected encoding
 * (RFC 8017 §9.2; exact comparison is what defeats Bleichenbacher-2006 style forgeries).
 * RSA-PSS and ECDSA go through crypto.verify: directly for in-memory CRLs, by re-streaming
 * tbsCertList from the file otherwise (and re-hashing it, to be sure it is the same bytes).
 */
import { createReadStream } from 'node:fs';
import { constants, createHash, createVerify, publicDecrypt, timingSafeEqual, type KeyObject } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import { NODE_HASH, type HashName, type SignatureAlgorithm } from '../../pki/algorithms.js';
import { verifyWith } from '../../pki/public-key.js';
import type { UnverifiedCrl } from './scan-crl.js';

/** DER of DigestInfo up to the digest octets, with NULL parameters (RFC 8017 §9.2 note 1). */
const DIGEST_INFO_PREFIX: Record<HashName, Buffer> = {
  'SHA-256': Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  'SHA-384': Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  'SHA-512': Buffer.from('3051300d060960864801650304020305000440', 'hex'),
};

function keyFits(alg: SignatureAlgorithm, key: KeyObject): boolean {
  const t = key.asymmetricKeyType;
  return alg.kind === 'ecdsa' ? t === 'ec' : t === 'rsa' || (alg.kind === 'rsa-pss' && t === 'rsa-pss');
}

/** True when the CRL signature verifies with `key`; false for any mismatch, never a throw for bad bytes. */
export async function verifyCrlSignature(crl: UnverifiedCrl, key: KeyObject): Promise<boolean> {
  const alg = crl.signatureAlgorithm;
  if (key.type !== 'public' || !keyFits(alg, key)) return false;
  if (alg.kind === 'rsa-pkcs1') return verifyPkcs1Digest(alg.hash, crl.tbsDigest, key, crl.signatureValue);
  if (crl.input.kind === 'bytes') {
    return verifyWith(alg, key, crl.input.bytes.subarray(crl.tbsStart, crl.tbsEnd), crl.signatureValue);
  }
  return verifyFromFile(crl, crl.input.path, alg, key);
}

export function verifyPkcs1Digest(hash: HashName, digest: Uint8Array, key: KeyObject, signature: Uint8Array): boolean {
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  // RFC 8017 §8.2.2 step 1: the signature is exactly k octets
  if (signature.length !== Math.ceil(bits / 8)) return false;
  let em: Buffer;
  try {
    em = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false;
  }
  const expected = Buffer.concat([DIGEST_INFO_PREFIX[hash], digest]);
  return em.length === expected.length && timingSafeEqual(em, expected);
}

async function verifyFromFile(
  crl: UnverifiedCrl,
  path: string,
  alg: SignatureAlgorithm,
  key: KeyObject,
): Promise<boolean> {
  const verifier = createVerify(NODE_HASH[alg.hash]);
  const rehash = createHash(NODE_HASH[alg.hash]);
  if (crl.tbsEnd > crl.tbsStart) {
    for await (const chunk of createReadStream(path, {
      start: crl.tbsStart,
      end: crl.tbsEnd - 1,
      highWaterMark: 1 << 20,
    })) {
      verifier.update(chunk as Buffer);
      rehash.update(chunk as Buffer);
    }
  }
  if (!timingSafeEqualLen(rehash.digest(), crl.tbsDigest)) {
    throw new GatewayError('ERR_REVOCATION_UNAVAILABLE', 'CRL file changed while it was being verified');
  }
  try {
    if (alg.kind === 'rsa-pss') {
      return verifier.verify(
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength },
        crl.signatureValue,
      );
    }
    return verifier.verify({ key, dsaEncoding: 'der' }, crl.signatureValue);
  } catch {
    return false;
  }
}

function timingSafeEqualLen(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
