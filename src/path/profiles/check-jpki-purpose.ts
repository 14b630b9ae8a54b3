import { GatewayError } from '../../errors.js';
import type { JpkiPurpose } from '../../trust/trust-anchor.js';
import type { LeafCheck } from '../types.js';
import { declaredPurposes } from './jpki-policies.js';

// JPKI profile (jpki-reference §1): a signing certificate is never accepted for authentication and vice versa.
export function checkJpkiPurpose(purpose: JpkiPurpose): LeafCheck {
  return (leaf) => {
    const declared = declaredPurposes(leaf);
    for (const other of declared) {
      if (other !== purpose) throw new GatewayError('ERR_CERT_WRONG_PURPOSE', `leaf is a ${other} certificate`);
    }
  };
}
