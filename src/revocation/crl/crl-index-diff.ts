/**
 * Entries of one CrlIndex that another does not list: a merge walk of both sorted tables
 * (32-bit serials numerically, long serials by slot order), O(n + m), no per-entry search.
 * Used to turn an accepted CRL update into "newly revoked" events.
 */
import type { CrlIndexParts } from './crl-index.js';
import { LARGE_SLOT, compareSlots } from './crl-slots.js';
import { REASON_NAMES, type ReasonName } from './reasons.js';

export interface CrlIndexEntry {
  /** The serialNumber INTEGER content octets, minimal (as in the certificate's DER). */
  readonly serial: Uint8Array;
  readonly reason: ReasonName;
  readonly revokedAt: Date;
  readonly invalidityDate?: Date;
}

/** Minimal INTEGER content octets of a non-negative 32-bit value. */
function u32Octets(v: number): Uint8Array {
  const out: number[] = [];
  let x = v;
  do {
    out.unshift(x & 0xff);
    x = Math.floor(x / 256);
  } while (x > 0);
  if (out[0]! >= 0x80) out.unshift(0);
  return Uint8Array.from(out);
}

function entry(serial: Uint8Array, reason: number, date: number, invalidity: number): CrlIndexEntry {
  const base = { serial, reason: REASON_NAMES[reason] ?? 'unspecified', revokedAt: new Date(date * 1000) };
  return invalidity ? { ...base, invalidityDate: new Date(invalidity * 1000) } : base;
}

export function addedEntries(previous: CrlIndexParts, next: CrlIndexParts): CrlIndexEntry[] {
  const out: CrlIndexEntry[] = [];
  const a = next.serials;
  const b = previous.serials;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    while (j < b.length && b[j]! < v) j++;
    if (j < b.length && b[j] === v) continue;
    out.push(entry(u32Octets(v), next.reasons[i]!, next.dates[i]!, next.invalidity?.[i] ?? 0));
  }
  const nA = next.largeDates.length;
  const nB = previous.largeDates.length;
  j = 0;
  for (let i = 0; i < nA; i++) {
    const key = next.largeKeys.subarray(i * LARGE_SLOT, (i + 1) * LARGE_SLOT);
    while (j < nB && compareSlots(previous.largeKeys, j, key) < 0) j++;
    if (j < nB && compareSlots(previous.largeKeys, j, key) === 0) continue;
    const serial = key.slice(1, 1 + key[0]!);
    out.push(entry(serial, next.largeReasons[i]!, next.largeDates[i]!, next.largeInvalidity?.[i] ?? 0));
  }
  return out;
}
