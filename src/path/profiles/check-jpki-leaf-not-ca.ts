import { GatewayError } from '../../errors.js';
import type { LeafCheck } from '../types.js';

// JPKI profile (jpki-reference §1, single tier): a card certificate is an end entity, never a CA (basicConstraints cA TRUE).
export const checkJpkiLeafNotCa: LeafCheck = (leaf) => {
  if (leaf.basicConstraints?.ca === true) throw new GatewayError('ERR_CERT_PROFILE', 'leaf is a CA certificate');
};
