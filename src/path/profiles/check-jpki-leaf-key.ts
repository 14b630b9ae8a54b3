import { GatewayError } from '../../errors.js';
import { MIN_RSA_BITS } from '../../pki/public-key.js';
import type { LeafCheck } from '../types.js';

// JPKI profile (jpki-reference §1): card keys are RSA-2048; smartphone JPKI may use EC (P-256/384/521, importSpki's list).
export const checkJpkiLeafKey: LeafCheck = (leaf) => {
  const key = leaf.publicKey();
  if (key.kind === 'rsa' && key.bits < MIN_RSA_BITS) throw new GatewayError('ERR_KEY_TOO_WEAK', `RSA-${key.bits}`);
};
