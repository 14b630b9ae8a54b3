import { GatewayError } from '../../errors.js';
import { KEY_USAGE_BITS, type KeyUsageName } from '../../pki/extensions.js';
import type { LeafCheck } from '../types.js';

// RFC 5280 §4.2.1.3: when keyUsage is present the leaf may be used only for the usages it asserts (absent = unrestricted).
export function checkRequestedKeyUsage(required: readonly KeyUsageName[]): LeafCheck {
  const mask = required.reduce((m, name) => {
    const bit = KEY_USAGE_BITS[name];
    if (bit === undefined) throw new TypeError(`unknown keyUsage name ${String(name)}`);
    return m | bit;
  }, 0);
  return (leaf) => {
    if (leaf.keyUsage !== undefined && (leaf.keyUsage & mask) !== mask) {
      const missing = required.filter((n) => (leaf.keyUsage! & KEY_USAGE_BITS[n]) === 0);
      throw new GatewayError('ERR_CERT_KEY_USAGE', `missing ${missing.join(', ')}`);
    }
  };
}
