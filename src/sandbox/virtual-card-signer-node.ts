/**
 * The card side's private-key operation with node:crypto (OpenSSL): privateEncrypt with
 * PKCS#1 v1.5 padding is exactly "pad a DigestInfo (type 1) and exponentiate" — the same
 * operation src/sandbox/card.ts uses for internal authentication. Node only.
 */
import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import type { VirtualCardSigner } from './virtual-card-signer.js';
import type { RsaPrivateJwk } from './virtual-card-profile.js';

export function nodeRsaSigner(): VirtualCardSigner {
  const keys = new WeakMap<RsaPrivateJwk, KeyObject>();
  return {
    async sign(jwk, digestInfo) {
      let key = keys.get(jwk);
      if (!key) keys.set(jwk, (key = createPrivateKey({ key: { ...jwk }, format: 'jwk' })));
      return new Uint8Array(privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo));
    },
  };
}
