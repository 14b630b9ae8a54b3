import { verify, type KeyObject } from 'node:crypto';

/**
 * RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 §8.2.2), the only scheme of the text AP
 * (jpki-reference §3). Malformed signature bytes are a failed verification, never a crash.
 */
export function verifyPkcs1Sha256(key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify('sha256', data, key, signature);
  } catch {
    return false;
  }
}
