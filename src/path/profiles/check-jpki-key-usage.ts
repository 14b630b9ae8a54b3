import { GatewayError } from '../../errors.js';
import { KEY_USAGE_BITS } from '../../pki/extensions.js';
import type { JpkiPurpose } from '../../trust/trust-anchor.js';
import type { LeafCheck } from '../types.js';

const K = KEY_USAGE_BITS;
const REQUIRED: Record<JpkiPurpose, number> = {
  signing: K.digitalSignature | K.nonRepudiation,
  authentication: K.digitalSignature,
};
const FORBIDDEN = K.keyCertSign | K.cRLSign;

// JPKI profile (jpki-reference §1): keyUsage present; signing = digitalSignature + nonRepudiation,
// authentication = digitalSignature; never a CA usage (keyCertSign, cRLSign).
export function checkJpkiKeyUsage(purpose: JpkiPurpose): LeafCheck {
  return (leaf) => {
    const ku = leaf.keyUsage;
    if (ku === undefined) throw new GatewayError('ERR_CERT_KEY_USAGE', 'keyUsage absent');
    if ((ku & REQUIRED[purpose]) !== REQUIRED[purpose]) {
      throw new GatewayError('ERR_CERT_KEY_USAGE', `${purpose} certificate lacks a required usage`);
    }
    if ((ku & FORBIDDEN) !== 0) throw new GatewayError('ERR_CERT_KEY_USAGE', 'leaf asserts a CA usage');
  };
}
