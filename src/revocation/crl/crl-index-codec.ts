/**
 * Binary snapshot of a CrlIndex, to share one ingestion across replicas (e.g. through Redis).
 *
 * Layout (little-endian, every section 4-byte aligned):
 *   0  "JCIX"  u8 version=1  u8 flags  u16 0
 *   8  u32 nSmall  u32 nLarge  u32 baseDate  u32 0
 *   24 u32 serials[nSmall]
 *      flags&PACKED: u32 (reason << 28 | date − baseDate)[nSmall]   → 8 bytes per JPKI entry
 *      else:         u32 dates[nSmall], u8 reasons[nSmall] (padded)
 *      flags&INVALIDITY: u32 invalidity[nSmall]
 *      u8 largeKeys[22·nLarge] (padded), u32 largeDates[nLarge], u8 largeReasons[nLarge] (padded)
 *      flags&INVALIDITY: u32 largeInvalidity[nLarge]
 * PACKED is used when all dates lie within 2^28 s (≈ 8.5 years) of the earliest one.
 * Decoding re-checks every invariant the lookup relies on: a snapshot is data, not trusted code.
 */
import { endianness } from 'node:os';
import { GatewayError } from '../../errors.js';
import type { CrlIndexParts } from './crl-index.js';
import { LARGE_SLOT, compareSlots } from './crl-slots.js';
import { isKnownReasonCode } from './reasons.js';

const MAGIC = [0x4a, 0x43, 0x49, 0x58]; // "JCIX"
const VERSION = 1;
const PACKED = 1;
const INVALIDITY = 2;
const HEADER = 24;
const DELTA_BITS = 28;

const pad4 = (n: number): number => (n + 3) & ~3;
/** 1 for the 4-bit values that are no CRLReason (7, 11–15). */
const UNKNOWN_REASON = Uint8Array.from({ length: 16 }, (_, r) => (isKnownReasonCode(r) ? 0 : 1));

function checkPlatform(): void {
  if (endianness() !== 'LE') throw new TypeError('CrlIndex snapshots need a little-endian platform');
}

function sectionSizes(nS: number, nL: number, flags: number): number {
  let size = HEADER + 4 * nS;
  size += flags & PACKED ? 4 * nS : 4 * nS + pad4(nS);
  if (flags & INVALIDITY) size += 4 * nS + 4 * nL;
  return size + pad4(LARGE_SLOT * nL) + 4 * nL + pad4(nL);
}

export function encodeIndex(p: CrlIndexParts): Uint8Array {
  checkPlatform();
  const nS = p.serials.length;
  const nL = p.largeDates.length;
  let base = 0xffffffff;
  let max = 0;
  for (let i = 0; i < nS; i++) {
    const d = p.dates[i]!;
    if (d < base) base = d;
    if (d > max) max = d;
  }
  if (nS === 0) base = 0;
  const flags = (max - base < 2 ** DELTA_BITS ? PACKED : 0) | (p.invalidity || p.largeInvalidity ? INVALIDITY : 0);
  const out = new Uint8Array(sectionSizes(nS, nL, flags));
  const ab = out.buffer;
  out.set(MAGIC, 0);
  out[4] = VERSION;
  out[5] = flags;
  new Uint32Array(ab, 8, 4).set([nS, nL, base, 0]);
  let o = HEADER;
  const u32 = (src: Uint32Array | undefined, n: number): void => {
    if (src) new Uint32Array(ab, o, n).set(src);
    o += 4 * n;
  };
  const u8 = (src: Uint8Array, n: number): void => {
    out.set(src, o);
    o += pad4(n);
  };
  u32(p.serials, nS);
  if (flags & PACKED) {
    const packed = new Uint32Array(ab, o, nS);
    for (let i = 0; i < nS; i++) packed[i] = ((p.reasons[i]! << DELTA_BITS) | (p.dates[i]! - base)) >>> 0;
    o += 4 * nS;
  } else {
    u32(p.dates, nS);
    u8(p.reasons, nS);
  }
  if (flags & INVALIDITY) u32(p.invalidity, nS);
  u8(p.largeKeys, LARGE_SLOT * nL);
  u32(p.largeDates, nL);
  u8(p.largeReasons, nL);
  if (flags & INVALIDITY) u32(p.largeInvalidity, nL);
  return out;
}

const bad = (why: string): GatewayError => new GatewayError('ERR_CRL_MALFORMED', `index snapshot: ${why}`);

export function decodeIndex(input: Uint8Array): CrlIndexParts {
  checkPlatform();
  if (input.length < HEADER || MAGIC.some((m, i) => input[i] !== m)) throw bad('not a snapshot');
  if (input[4] !== VERSION) throw bad(`version ${input[4]}`);
  const flags = input[5]!;
  if (flags & ~(PACKED | INVALIDITY) || input[6] || input[7]) throw bad('flags');
  // Copy into a fresh aligned buffer: the input may be a view at any offset (Redis reply).
  const bytes = input.slice();
  const ab = bytes.buffer;
  const [nS = 0, nL = 0, base = 0] = new Uint32Array(ab, 8, 3);
  if (bytes.length !== sectionSizes(nS, nL, flags)) throw bad('length');
  let o = HEADER;
  const u32 = (n: number): Uint32Array => {
    const a = new Uint32Array(ab, o, n);
    o += 4 * n;
    return a;
  };
  const u8 = (n: number): Uint8Array => {
    const a = bytes.subarray(o, o + n);
    o += pad4(n);
    return a;
  };
  const serials = u32(nS);
  let dates: Uint32Array;
  let reasons: Uint8Array;
  if (flags & PACKED) {
    const packed = new Int32Array(ab, o, nS);
    o += 4 * nS;
    dates = new Uint32Array(nS);
    reasons = new Uint8Array(nS);
    // Int32 arithmetic throughout (dates near 2^31 s are not small integers, and doubles made
    // this loop ~10× slower): the sum's bits are the unsigned date; reasons are checked here.
    const datesBits = new Int32Array(dates.buffer);
    const base32 = base | 0;
    const mask = 2 ** DELTA_BITS - 1;
    let badReason = 0;
    for (let i = 0; i < nS; i++) {
      const w = packed[i]!;
      datesBits[i] = (base32 + (w & mask)) | 0;
      const r = w >>> DELTA_BITS;
      reasons[i] = r;
      badReason |= UNKNOWN_REASON[r]!;
    }
    if (badReason) throw bad('reason code');
  } else {
    dates = u32(nS);
    reasons = u8(nS);
  }
  const invalidity = flags & INVALIDITY ? u32(nS) : undefined;
  const largeKeys = u8(LARGE_SLOT * nL);
  const largeDates = u32(nL);
  const largeReasons = u8(nL);
  const largeInvalidity = flags & INVALIDITY ? u32(nL) : undefined;
  for (let i = 1; i < nS; i++) if (serials[i - 1]! >= serials[i]!) throw bad('serials not strictly increasing');
  if (!(flags & PACKED)) for (let i = 0; i < nS; i++) if (!isKnownReasonCode(reasons[i]!)) throw bad('reason code');
  for (let i = 0; i < nL; i++) {
    if (!isKnownReasonCode(largeReasons[i]!)) throw bad('reason code');
    checkSlot(largeKeys, i);
    if (i > 0 && compareSlots(largeKeys, i - 1, largeKeys.subarray(i * LARGE_SLOT, (i + 1) * LARGE_SLOT)) >= 0) {
      throw bad('large serials not strictly increasing');
    }
  }
  return { serials, dates, reasons, invalidity, largeKeys, largeDates, largeReasons, largeInvalidity, duplicates: 0 };
}

/** A slot is [len 1..21, minimal INTEGER octets, zero padding] and not a 32-bit serial. */
function checkSlot(keys: Uint8Array, i: number): void {
  const o = i * LARGE_SLOT;
  const len = keys[o]!;
  if (len < 1 || len > LARGE_SLOT - 1) throw bad('large serial length');
  const a = keys[o + 1]!;
  const b = keys[o + 2]!;
  if (len > 1 && ((a === 0 && b < 0x80) || (a === 0xff && b >= 0x80))) throw bad('non-minimal serial');
  if (a < 0x80 && (len <= 4 || (len === 5 && a === 0))) throw bad('32-bit serial in the large table');
  for (let k = 1 + len; k < LARGE_SLOT; k++) if (keys[o + k] !== 0) throw bad('slot padding');
}
