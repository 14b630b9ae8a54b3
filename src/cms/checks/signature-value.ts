import type { KeyObject } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import type { SignatureAlgorithm } from '../../pki/algorithms.js';
import { verifyWith } from '../../pki/public-key.js';

// RFC 5652 §5.6: the signature value verifies over the signed input with the signer's key.
export function checkSignatureValue(
  alg: SignatureAlgorithm,
  key: KeyObject,
  signedInput: Uint8Array,
  signature: Uint8Array,
): void {
  if (!verifyWith(alg, key, signedInput, signature)) throw new GatewayError('ERR_SIGNATURE_INVALID');
}
