import { GatewayError } from '../../errors.js';
import type { Attribute } from '../types.js';

// RFC 5652 §11 and ETSI EN 319 122-1 §5.2: a signed attribute type appears at most once
// (otherwise a verifier may read one instance and a viewer another).
export function checkAttributeDuplicates(attributes: readonly Attribute[]): void {
  const seen = new Set<string>();
  for (const a of attributes) {
    if (seen.has(a.type)) throw new GatewayError('ERR_CMS_ATTR_DUPLICATE', a.type);
    seen.add(a.type);
  }
}
