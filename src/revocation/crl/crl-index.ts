/**
 * The revoked-serial index of one CRL: sorted typed arrays, binary search.
 *
 * JPKI serials are 4 bytes (jpki-reference §1), so the common case is a Uint32Array of serials
 * with parallel revocation dates (Uint32 seconds) and reason codes (Uint8): 9 bytes per entry,
 * plus 4 when the CRL carries invalidity dates. Any other serial (longer, negative) goes to a
 * secondary table of fixed 22-byte slots [length, minimal INTEGER octets…] sorted bytewise, so
 * general CRLs still work. Lookup is two binary searches over ≤ 23 levels for 5M entries.
 */
import { encodeIndex, decodeIndex } from './crl-index-codec.js';
import { addedEntries, type CrlIndexEntry } from './crl-index-diff.js';
import { LARGE_SLOT, findSlot } from './crl-slots.js';
import { REASON_NAMES, type ReasonName } from './reasons.js';

export type CrlLookupResult =
  | { readonly revoked: false }
  | { readonly revoked: true; readonly reason: ReasonName; readonly revokedAt: Date; readonly invalidityDate?: Date };

/** The arrays behind a CrlIndex (exported for the codec and the builder). */
export interface CrlIndexParts {
  readonly serials: Uint32Array;
  readonly dates: Uint32Array;
  readonly reasons: Uint8Array;
  /** Seconds, 0 = absent; undefined when no entry has an invalidity date. */
  readonly invalidity: Uint32Array | undefined;
  readonly largeKeys: Uint8Array;
  readonly largeDates: Uint32Array;
  readonly largeReasons: Uint8Array;
  readonly largeInvalidity: Uint32Array | undefined;
  /** Entries dropped because their serial was listed more than once. */
  readonly duplicates: number;
}

/** Serials per fence block: 128 × 4 bytes = 8 cache lines. */
const FENCE = 128;
const NOT_REVOKED: CrlLookupResult = Object.freeze({ revoked: false });
const scratch = new Uint8Array(LARGE_SLOT);

export class CrlIndex {
  /** serials[k · FENCE] for each block k: small enough to stay in cache (see lookupU32). */
  private readonly fence: Uint32Array;

  private constructor(private readonly p: CrlIndexParts) {
    const n = p.serials.length;
    this.fence = new Uint32Array(Math.ceil(n / FENCE));
    for (let k = 0; k < this.fence.length; k++) this.fence[k] = p.serials[k * FENCE]!;
  }

  /** For the builder and the codec; other code gets indexes from ingestCrl or deserialize. */
  static fromParts(parts: CrlIndexParts): CrlIndex {
    return new CrlIndex(parts);
  }

  static deserialize(bytes: Uint8Array): CrlIndex {
    return new CrlIndex(decodeIndex(bytes));
  }

  serialize(): Uint8Array {
    return encodeIndex(this.p);
  }

  get size(): number {
    return this.p.serials.length + this.p.largeDates.length;
  }

  get duplicates(): number {
    return this.p.duplicates;
  }

  /** Entries listed here but not in `previous` (a merge walk of both sorted tables). */
  addedSince(previous: CrlIndex): CrlIndexEntry[] {
    return addedEntries(previous.p, this.p);
  }

  /** Bytes held by the index arrays (what "bytes per entry" is measured on). */
  get byteLength(): number {
    const p = this.p;
    return (
      this.fence.byteLength +
      p.serials.byteLength +
      p.dates.byteLength +
      p.reasons.byteLength +
      (p.invalidity?.byteLength ?? 0) +
      p.largeKeys.byteLength +
      p.largeDates.byteLength +
      p.largeReasons.byteLength +
      (p.largeInvalidity?.byteLength ?? 0)
    );
  }

  /**
   * `serial`: the certificate's serialNumber INTEGER content octets (as in the DER), or a hex
   * string of the non-negative serial as `openssl x509 -serial` prints it.
   */
  lookup(serial: Uint8Array | string): CrlLookupResult {
    const bytes = typeof serial === 'string' ? hexSerial(serial) : serial;
    if (bytes.length === 0) throw new TypeError('lookup: empty serial');
    // Skip redundant sign octets so non-minimal input still finds its entry.
    let s = 0;
    while (
      s < bytes.length - 1 &&
      ((bytes[s] === 0 && bytes[s + 1]! < 0x80) || (bytes[s] === 0xff && bytes[s + 1]! >= 0x80))
    )
      s++;
    const len = bytes.length - s;
    const negative = bytes[s]! >= 0x80;
    if (!negative && (len <= 4 || (len === 5 && bytes[s] === 0))) {
      let v = 0;
      for (let i = s; i < bytes.length; i++) v = v * 256 + bytes[i]!;
      return this.lookupU32(v);
    }
    if (len > LARGE_SLOT - 1) return NOT_REVOKED;
    scratch.fill(0);
    scratch[0] = len;
    scratch.set(bytes.subarray(s), 1);
    const i = findSlot(this.p.largeKeys, scratch);
    if (i < 0) return NOT_REVOKED;
    return result(this.p.largeReasons[i]!, this.p.largeDates[i]!, this.p.largeInvalidity?.[i] ?? 0);
  }

  /**
   * Lookup of a serial that fits in 32 bits (the JPKI case), without any allocation on a miss.
   * A plain binary search over 5M serials is ~11 dependent cache misses (≈ 2 µs on a busy
   * host); searching the fence first leaves one 512-byte block of the big array to touch.
   */
  lookupU32(v: number): CrlLookupResult {
    const f = this.fence;
    let lo = 0;
    let hi = f.length - 1;
    while (lo < hi) {
      // last block whose first serial is ≤ v
      const mid = (lo + hi + 1) >>> 1;
      if (f[mid]! <= v) lo = mid;
      else hi = mid - 1;
    }
    const a = this.p.serials;
    let l = lo * FENCE;
    let h = Math.min(l + FENCE, a.length) - 1;
    while (l <= h) {
      const mid = (l + h) >>> 1;
      const x = a[mid]!;
      if (x < v) l = mid + 1;
      else if (x > v) h = mid - 1;
      else return result(this.p.reasons[mid]!, this.p.dates[mid]!, this.p.invalidity?.[mid] ?? 0);
    }
    return NOT_REVOKED;
  }
}

function result(reason: number, date: number, invalidity: number): CrlLookupResult {
  const name: ReasonName = REASON_NAMES[reason] ?? 'unspecified';
  const revokedAt = new Date(date * 1000);
  return invalidity
    ? { revoked: true, reason: name, revokedAt, invalidityDate: new Date(invalidity * 1000) }
    : { revoked: true, reason: name, revokedAt };
}

/** Hex of a non-negative serial → minimal INTEGER content octets. */
function hexSerial(hex: string): Uint8Array {
  const h = hex.replace(/^0x/i, '').replace(/[:\s]/g, '');
  if (!/^[0-9a-fA-F]+$/.test(h)) throw new TypeError('lookup: serial is not hex');
  const stripped = h.replace(/^0+/, '') || '0';
  const even = stripped.length % 2 ? `0${stripped}` : stripped;
  const mag = Buffer.from(even, 'hex');
  if (mag[0]! >= 0x80) return Uint8Array.from([0, ...mag]);
  return new Uint8Array(mag.buffer, mag.byteOffset, mag.length);
}
