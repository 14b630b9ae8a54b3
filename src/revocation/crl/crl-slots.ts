/**
 * Fixed-width keys for serials that do not fit in 32 bits: [length 1..21, the minimal
 * INTEGER content octets, zero padding]. Comparing slots bytewise orders by (length, octets),
 * which is all a binary search needs (it is not numeric order, and does not have to be).
 */
export const LARGE_SLOT = 22;

export function compareSlots(keys: Uint8Array, i: number, key: Uint8Array): number {
  const o = i * LARGE_SLOT;
  for (let k = 0; k < LARGE_SLOT; k++) {
    const d = keys[o + k]! - key[k]!;
    if (d !== 0) return d;
  }
  return 0;
}

export function findSlot(keys: Uint8Array, key: Uint8Array): number {
  let lo = 0;
  let hi = keys.length / LARGE_SLOT - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareSlots(keys, mid, key);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid - 1;
    else return mid;
  }
  return -1;
}
