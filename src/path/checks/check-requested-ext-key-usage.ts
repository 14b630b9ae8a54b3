import { GatewayError } from '../../errors.js';
import { OID } from '../../pki/oids.js';
import type { LeafCheck } from '../types.js';

// RFC 5280 §4.2.1.12: when extKeyUsage is present the leaf serves only the listed purposes (or anyExtendedKeyUsage).
export function checkRequestedExtKeyUsage(required: readonly string[]): LeafCheck {
  return (leaf) => {
    const eku = leaf.extKeyUsage;
    if (eku === undefined || eku.includes(OID.anyExtendedKeyUsage)) return;
    const missing = required.filter((oid) => !eku.includes(oid));
    if (missing.length > 0) throw new GatewayError('ERR_CERT_EXT_KEY_USAGE', `missing ${missing.join(', ')}`);
  };
}
