/**
 * Collects revoked entries while the scanner streams, then sorts them into a CrlIndex.
 *
 * CRLs list entries in revocation order, so serials arrive unsorted. Sorting 5M (serial, pos)
 * pairs with a JS comparator takes seconds; instead each pair is one u64 (serial << 32 | pos)
 * in a BigUint64Array — written through a Uint32Array view, no BigInt per entry — and sorted
 * natively. Duplicate handling is deterministic: a serial listed twice keeps its earliest
 * revocation date (the conservative choice for "was it revoked when it signed?"); on equal
 * dates, the first in file order (or the lowest reason code, see sortPacked).
 */
import { CrlIndex } from './crl-index.js';
import type { EntrySink } from './crl-entries.js';
import { LARGE_SLOT } from './crl-slots.js';
import { sortOrder, sortPacked } from './crl-index-sort.js';

function grow<T extends Uint8Array | Uint32Array>(a: T, min: number): T {
  return resize(a, Math.max(min, Math.ceil(a.length * 1.5) + 1024));
}

function resize<T extends Uint8Array | Uint32Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a.subarray(0, Math.min(a.length, size)));
  return next;
}

export class CrlIndexBuilder implements EntrySink {
  private n = 0;
  private serials = new Uint32Array(1024);
  private dates = new Uint32Array(1024);
  private reasons = new Uint8Array(1024);
  private invalidity: Uint32Array | undefined;
  private nL = 0;
  private lKeys = new Uint8Array(0);
  private lDates = new Uint32Array(0);
  private lReasons = new Uint8Array(0);
  private lInvalidity = new Uint32Array(0);
  private lAnyInvalidity = false;

  /** Capacity of the 32-bit arrays. */
  get capacity(): number {
    return this.serials.length;
  }

  /**
   * Sizes the 32-bit arrays to exactly `entries` (if more than now). The scanner calls this
   * with an estimate from the entry sizes seen so far, so the arrays end up about the right
   * size instead of up to 1.5× it, and the final trim needs no copy.
   */
  reserve(entries: number): void {
    if (entries > this.serials.length) {
      this.serials = resize(this.serials, entries);
      this.dates = resize(this.dates, entries);
      this.reasons = resize(this.reasons, entries);
    }
  }

  add(buf: Uint8Array, s: number, len: number, revokedAt: number, reason: number, invalidity: number): void {
    const first = buf[s]!;
    if (first < 0x80 && (len <= 4 || (len === 5 && first === 0))) {
      let v = 0;
      for (let i = s; i < s + len; i++) v = v * 256 + buf[i]!;
      const n = this.n;
      if (n === this.serials.length) {
        this.serials = grow(this.serials, n + 1);
        this.dates = grow(this.dates, n + 1);
        this.reasons = grow(this.reasons, n + 1);
      }
      this.serials[n] = v;
      this.dates[n] = revokedAt;
      this.reasons[n] = reason;
      if (invalidity) {
        if (!this.invalidity || this.invalidity.length < this.serials.length) {
          this.invalidity = grow(this.invalidity ?? new Uint32Array(0), this.serials.length);
        }
        this.invalidity[n] = invalidity;
      }
      this.n = n + 1;
      return;
    }
    const m = this.nL;
    if (m === this.lDates.length) {
      this.lDates = grow(this.lDates, m + 1);
      this.lReasons = grow(this.lReasons, this.lDates.length);
      this.lInvalidity = grow(this.lInvalidity, this.lDates.length);
      this.lKeys = grow(this.lKeys, this.lDates.length * LARGE_SLOT);
    }
    const o = m * LARGE_SLOT;
    this.lKeys[o] = len;
    this.lKeys.set(buf.subarray(s, s + len), o + 1);
    this.lDates[m] = revokedAt;
    this.lReasons[m] = reason;
    this.lInvalidity[m] = invalidity;
    if (invalidity) this.lAnyInvalidity = true;
    this.nL = m + 1;
  }

  finish(): CrlIndex {
    const small = this.finishSmall();
    const large = this.finishLarge();
    return CrlIndex.fromParts({ ...small, ...large, duplicates: small.duplicates + large.duplicates });
  }

  private finishSmall() {
    const n = this.n;
    let serials = this.serials.subarray(0, n);
    let dates = this.dates.subarray(0, n);
    let reasons = this.reasons.subarray(0, n);
    // The invalidity array is allocated lazily and may be shorter than n: pad it.
    let inval = this.invalidity && this.invalidity.length < n ? grow(this.invalidity, n) : this.invalidity;
    inval = inval?.subarray(0, n);
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = serials[i - 1]! < serials[i]!;
    if (!sorted && !inval && sortPacked(serials, dates, reasons)) {
      // sorted in place, payload and all
    } else if (!sorted) {
      const order = sortOrder(serials);
      // serials were copied into `order`'s high words, so the old array is reused in place
      const d2 = new Uint32Array(n);
      const r2 = new Uint8Array(n);
      const i2 = inval ? new Uint32Array(n) : undefined;
      for (let i = 0; i < n; i++) {
        const pos = order[2 * i]!;
        serials[i] = order[2 * i + 1]!;
        d2[i] = dates[pos]!;
        r2[i] = reasons[pos]!;
        if (i2) i2[i] = inval![pos]!;
      }
      dates = d2;
      reasons = r2;
      inval = i2;
    }
    // Dedupe: keep, per serial, the earliest date (ties: first in file order).
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (w > 0 && serials[w - 1] === serials[i]) {
        if (dates[i]! < dates[w - 1]!) {
          dates[w - 1] = dates[i]!;
          reasons[w - 1] = reasons[i]!;
          if (inval) inval[w - 1] = inval[i]!;
        }
        continue;
      }
      serials[w] = serials[i]!;
      dates[w] = dates[i]!;
      reasons[w] = reasons[i]!;
      if (inval) inval[w] = inval[i]!;
      w++;
    }
    // Copy out when there is real spare capacity (growth, duplicates) so it is released;
    // with the scanner's estimate the arrays are usually exact and a copy would only cost RSS.
    const trim = <T extends Uint8Array | Uint32Array>(a: T): T =>
      (a.buffer.byteLength / a.BYTES_PER_ELEMENT - w > w / 64 + 64 ? a.slice(0, w) : a.subarray(0, w)) as T;
    serials = trim(serials);
    dates = trim(dates);
    reasons = trim(reasons);
    inval = inval ? trim(inval) : undefined;
    this.serials = this.dates = new Uint32Array(0);
    this.reasons = new Uint8Array(0);
    this.invalidity = undefined;
    return { serials, dates, reasons, invalidity: inval, duplicates: n - w };
  }

  private finishLarge() {
    const m = this.nL;
    const keys = this.lKeys;
    const slot = (i: number): Uint8Array => keys.subarray(i * LARGE_SLOT, (i + 1) * LARGE_SLOT);
    const idx = Array.from({ length: m }, (_, i) => i);
    idx.sort((a, b) => Buffer.compare(slot(a), slot(b)) || this.lDates[a]! - this.lDates[b]! || a - b);
    const out = {
      keys: new Uint8Array(m * LARGE_SLOT),
      dates: new Uint32Array(m),
      reasons: new Uint8Array(m),
      inval: new Uint32Array(m),
    };
    let w = 0;
    for (const i of idx) {
      // sorted by (key, date, pos): the first of a run of equal keys is the one we keep
      if (w > 0 && Buffer.compare(out.keys.subarray((w - 1) * LARGE_SLOT, w * LARGE_SLOT), slot(i)) === 0) continue;
      out.keys.set(slot(i), w * LARGE_SLOT);
      out.dates[w] = this.lDates[i]!;
      out.reasons[w] = this.lReasons[i]!;
      out.inval[w] = this.lInvalidity[i]!;
      w++;
    }
    return {
      largeKeys: out.keys.slice(0, w * LARGE_SLOT),
      largeDates: out.dates.slice(0, w),
      largeReasons: out.reasons.slice(0, w),
      largeInvalidity: this.lAnyInvalidity ? out.inval.slice(0, w) : undefined,
      duplicates: m - w,
    };
  }
}
