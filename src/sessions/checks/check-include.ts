import { GatewayError } from '../../errors.js';
import { SHARE_ITEMS, type ShareItem } from '../types.js';

// Contract §5: include ⊆ {basic4, my_number}, each once; default basic4 (what a JPKI
// signature proves). An empty list would share nothing and is refused.
export function checkInclude(value: unknown): ShareItem[] {
  if (value === undefined) return ['basic4'];
  if (!Array.isArray(value) || value.length === 0 || value.length > SHARE_ITEMS.length)
    throw new GatewayError('ERR_SESSION_INPUT', 'include must be a non-empty list of basic4, my_number');
  const out = new Set<ShareItem>();
  for (const v of value) {
    if (!(SHARE_ITEMS as readonly unknown[]).includes(v) || out.has(v as ShareItem))
      throw new GatewayError('ERR_SESSION_INPUT', 'include items must be basic4 or my_number, each once');
    out.add(v as ShareItem);
  }
  return SHARE_ITEMS.filter((s) => out.has(s));
}
