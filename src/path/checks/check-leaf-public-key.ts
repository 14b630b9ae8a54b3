import type { LeafCheck } from '../types.js';

// RFC 5280 §4.1.2.7 with our algorithm policy: the leaf key must import (allowed algorithm, RSA ≥ 2048 bits),
// else ERR_KEY_TOO_WEAK / ERR_KEY_MALFORMED / ERR_ALG_NOT_ALLOWED from importSpki.
export const checkLeafPublicKey: LeafCheck = (leaf) => {
  leaf.publicKey();
};
