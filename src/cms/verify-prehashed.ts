/**
 * Signature verification when only the digest is known (raw mode). node's crypto.verify
 * always hashes its input — with a null algorithm OpenSSL 3 picks SHA-256 for RSA and EC
 * keys — so RSA uses publicDecrypt (PKCS#1 v1.5 type-1 unpadding, RFC 8017 §8.2.2) and a
 * byte comparison with the expected DigestInfo, and ECDSA uses ecdsa-prehashed.ts.
 */
import { constants, publicDecrypt } from 'node:crypto';
import { GatewayError } from '../errors.js';
import type { HashName } from '../pki/algorithms.js';
import { parseDer, TAG, cursor } from '../pki/der.js';
import { bytesEqual, isNegativeInteger, readIntegerBytes } from '../pki/der-values.js';
import type { PublicKeyInfo } from '../pki/public-key.js';
import { encodeDigestInfo } from './digest-info.js';
import { toBigInt, verifyEcdsaPrehashed } from './ecdsa-prehashed.js';

export function verifyPrehashed(
  key: PublicKeyInfo,
  hash: HashName,
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  return key.kind === 'rsa' ? verifyRsaPkcs1(key, hash, digest, signature) : verifyEcdsa(key, digest, signature);
}

function verifyRsaPkcs1(key: PublicKeyInfo, hash: HashName, digest: Uint8Array, signature: Uint8Array): boolean {
  // RFC 8017 §8.2.2 step 1: the signature is exactly k octets.
  if (signature.length !== Math.ceil(key.bits / 8)) return false;
  let recovered: Buffer;
  try {
    recovered = publicDecrypt({ key: key.key, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false; // s ≥ n, or padding not 00 01 FF…FF 00: not a signature
  }
  // Step 3–4: compare with our own encoding (never parse what the signer put there).
  return bytesEqual(recovered, encodeDigestInfo(hash, digest));
}

function verifyEcdsa(key: PublicKeyInfo, digest: Uint8Array, signature: Uint8Array): boolean {
  const rs = readDerSignature(signature) ?? readP1363Signature(key, signature);
  return rs !== undefined && verifyEcdsaPrehashed(key.key, digest, rs[0], rs[1]);
}

/** Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } in strict DER (RFC 5480 §2.2 / RFC 5758). */
function readDerSignature(sig: Uint8Array): [bigint, bigint] | undefined {
  try {
    const c = cursor(sig, parseDer(sig, 2), 'Ecdsa-Sig-Value');
    const r = readIntegerBytes(sig, c.next(TAG.INTEGER));
    const s = readIntegerBytes(sig, c.next(TAG.INTEGER));
    c.end();
    if (isNegativeInteger(r) || isNegativeInteger(s)) return undefined;
    return [toBigInt(r), toBigInt(s)];
  } catch (e) {
    if (e instanceof GatewayError) return undefined;
    throw e;
  }
}

/** IEEE P1363 r ‖ s, each the curve's byte length (what WebCrypto and many apps emit). */
function readP1363Signature(key: PublicKeyInfo, sig: Uint8Array): [bigint, bigint] | undefined {
  const len = Math.ceil(key.bits / 8); // importSpki: 256, 384 or 521
  if (sig.length !== 2 * len) return undefined;
  return [toBigInt(sig.subarray(0, len)), toBigInt(sig.subarray(len))];
}
