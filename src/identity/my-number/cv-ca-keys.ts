/**
 * The configured CV CA public keys (contract §2 `cvCaKeys`), by key id. J-LIS does not publish
 * them like the X.509 roots, so they are configuration, never hard-coded (jpki-reference §3).
 * Bad configuration is a caller bug: TypeError at createVerifier, not a per-card error.
 */
import type { KeyObject } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import { parseDer } from '../../pki/der.js';
import { importSpki } from '../../pki/public-key.js';
import type { CvCaKeyInput } from './types.js';

export type CvCaKeyring = ReadonlyMap<string, KeyObject>;

export function createCvCaKeyring(keys: readonly CvCaKeyInput[] | undefined): CvCaKeyring {
  const out = new Map<string, KeyObject>();
  if (keys === undefined) return out;
  if (!Array.isArray(keys)) throw new TypeError('cvCaKeys must be an array');
  keys.forEach((k: unknown, i) => {
    const { keyId, publicKey } = (k ?? {}) as Partial<CvCaKeyInput>;
    if (typeof keyId !== 'string' || !/^[0-9a-fA-F]{32}$/.test(keyId)) {
      throw new TypeError(`cvCaKeys[${i}].keyId must be 32 hex digits (a 16-byte key id)`);
    }
    if (!(publicKey instanceof Uint8Array))
      throw new TypeError(`cvCaKeys[${i}].publicKey must be SPKI DER in a Uint8Array`);
    const id = keyId.toLowerCase();
    if (out.has(id)) throw new TypeError(`cvCaKeys[${i}]: key id given twice`);
    let info;
    try {
      info = importSpki(publicKey, parseDer(publicKey, 4));
    } catch (e) {
      throw new TypeError(
        `cvCaKeys[${i}].publicKey is unusable: ${e instanceof GatewayError ? e.code : 'undecodable'}`,
      );
    }
    // jpki-reference §3: the CV CA signs with RSASSA-PKCS1-v1_5 SHA-256
    if (info.kind !== 'rsa') throw new TypeError(`cvCaKeys[${i}].publicKey must be an RSA key`);
    out.set(id, info.key);
  });
  return out;
}
