/**
 * Sorting the 32-bit part of the index: each (serial, payload) pair is one u64 in a
 * BigUint64Array, written through a Uint32Array view (no BigInt per entry) and sorted natively
 * — a JS comparator sort of 5M entries takes seconds. Needs a little-endian platform for the
 * view trick; elsewhere a comparator sort is used.
 */
import { endianness } from 'node:os';

const LE = endianness() === 'LE';

/**
 * When every date lies within 2^28 s of the earliest (≈ 8.5 years: any daily CRL), the low
 * word of each u64 key carries (reason << 28 | date − min) instead of the position, so the
 * native sort moves the payload too and no random-access gather is needed afterwards (that
 * gather cost more than the sort itself at 5M entries). Equal serials then sort by (reason,
 * date); the dedupe keeps the earliest date, and on equal dates the lowest reason code —
 * still independent of file order. Returns false when the dates do not fit.
 */
export function sortPacked(serials: Uint32Array, dates: Uint32Array, reasons: Uint8Array): boolean {
  const n = serials.length;
  let min = 0xffffffff;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const d = dates[i]!;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (!LE || max - min >= 2 ** 28) return false;
  const keys = new BigUint64Array(n);
  const w = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i++) {
    w[2 * i] = ((reasons[i]! << 28) | (dates[i]! - min)) >>> 0;
    w[2 * i + 1] = serials[i]!;
  }
  keys.sort();
  for (let i = 0; i < n; i++) {
    const lo = w[2 * i]!;
    serials[i] = w[2 * i + 1]!;
    dates[i] = min + (lo & 0x0fffffff);
    reasons[i] = lo >>> 28;
  }
  return true;
}

/** Returns pairs [pos, serial] (u32 view of sorted u64 keys serial<<32|pos). */
export function sortOrder(serials: Uint32Array): Uint32Array {
  const n = serials.length;
  const keys = new BigUint64Array(n);
  const w = new Uint32Array(keys.buffer);
  if (LE) {
    for (let i = 0; i < n; i++) {
      w[2 * i] = i;
      w[2 * i + 1] = serials[i]!;
    }
    keys.sort();
    return w;
  }
  // Big-endian fallback: a comparator sort, slower but correct.
  const idx = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => serials[a]! - serials[b]! || a - b);
  for (let i = 0; i < n; i++) {
    w[2 * i] = idx[i]!;
    w[2 * i + 1] = serials[idx[i]!]!;
  }
  return w;
}
