/**
 * Strict decoders for DER primitive values (X.690 §8/§10/§11, RFC 5280 §4.1.2.5).
 * Each rejects the BER forms DER forbids, with a coded error.
 */
import { GatewayError } from '../errors.js';
import { TAG, type Tlv } from './der.js';

function expectTag(t: Tlv, tag: number, what: string): void {
  if (t.tag !== tag) {
    throw new GatewayError(
      'ERR_DER_STRUCTURE',
      `${what}: expected tag 0x${tag.toString(16)}, got 0x${t.tag.toString(16)}`,
    );
  }
}

/** INTEGER content bytes (two's complement), minimal per X.690 §8.3.2. */
export function readIntegerBytes(buf: Uint8Array, t: Tlv, tag: number = TAG.INTEGER): Uint8Array {
  expectTag(t, tag, 'INTEGER');
  const len = t.end - t.valueStart;
  if (len === 0) throw new GatewayError('ERR_DER_STRUCTURE', 'empty INTEGER');
  if (len > 1) {
    const a = buf[t.valueStart]!;
    const b = buf[t.valueStart + 1]!;
    if ((a === 0x00 && (b & 0x80) === 0) || (a === 0xff && (b & 0x80) !== 0)) {
      throw new GatewayError('ERR_DER_NOT_CANONICAL', 'non-minimal INTEGER');
    }
  }
  return buf.subarray(t.valueStart, t.end);
}

export function isNegativeInteger(bytes: Uint8Array): boolean {
  return (bytes[0]! & 0x80) !== 0;
}

/** A small non-negative INTEGER as a JS number (versions, pathLen, reason codes). */
export function readSmallInt(buf: Uint8Array, t: Tlv, tag: number = TAG.INTEGER): number {
  const bytes = readIntegerBytes(buf, t, tag);
  if (isNegativeInteger(bytes)) throw new GatewayError('ERR_DER_STRUCTURE', 'negative INTEGER');
  if (bytes.length > 4) throw new GatewayError('ERR_DER_STRUCTURE', 'INTEGER too large');
  let v = 0;
  for (const b of bytes) v = v * 256 + b;
  return v;
}

export function readBoolean(buf: Uint8Array, t: Tlv): boolean {
  expectTag(t, TAG.BOOLEAN, 'BOOLEAN');
  if (t.end - t.valueStart !== 1) throw new GatewayError('ERR_DER_STRUCTURE', 'BOOLEAN length');
  const v = buf[t.valueStart]!;
  if (v !== 0x00 && v !== 0xff) throw new GatewayError('ERR_DER_NOT_CANONICAL', 'BOOLEAN not 00/FF');
  return v === 0xff;
}

export function readNull(buf: Uint8Array, t: Tlv): void {
  expectTag(t, TAG.NULL, 'NULL');
  if (t.end !== t.valueStart) throw new GatewayError('ERR_DER_STRUCTURE', 'NULL with content');
}

/**
 * Decoded OIDs by their content bytes: a handful repeat in every certificate and CMS, so the
 * hot path is a numeric hash, a byte compare and no string building.
 */
const oidCache = new Map<number, { readonly bytes: Uint8Array; readonly dotted: string }[]>();
let oidCacheEntries = 0;
const OID_BUCKET_LIMIT = 4;

function oidHash(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h >>> 0;
}

function cachedOid(buf: Uint8Array, start: number, end: number, h: number): string | undefined {
  const bucket = oidCache.get(h);
  if (!bucket) return undefined;
  outer: for (const e of bucket) {
    if (e.bytes.length !== end - start) continue;
    for (let i = 0; i < e.bytes.length; i++) if (e.bytes[i] !== buf[start + i]) continue outer;
    return e.dotted;
  }
  return undefined;
}

/** OBJECT IDENTIFIER in dotted form; sub-identifiers minimal (X.690 §8.19.2). */
export function readOid(buf: Uint8Array, t: Tlv): string {
  expectTag(t, TAG.OID, 'OBJECT IDENTIFIER');
  const len = t.end - t.valueStart;
  if (len === 0 || len > 64) throw new GatewayError('ERR_DER_STRUCTURE', 'OID length');
  const h = oidHash(buf, t.valueStart, t.end);
  const hit = cachedOid(buf, t.valueStart, t.end, h);
  if (hit !== undefined) return hit;
  // Arcs stay numbers while safe and switch to BigInt beyond (2.25.<UUID> OIDs have 128-bit arcs).
  const parts: (number | bigint)[] = [];
  let v: number | bigint = 0;
  let fresh = true;
  for (let i = t.valueStart; i < t.end; i++) {
    const b = buf[i]!;
    if (fresh && b === 0x80) throw new GatewayError('ERR_DER_NOT_CANONICAL', 'non-minimal OID arc');
    if (typeof v === 'number' && v > (Number.MAX_SAFE_INTEGER - 127) / 128) v = BigInt(v);
    v = typeof v === 'number' ? v * 128 + (b & 0x7f) : v * 128n + BigInt(b & 0x7f);
    fresh = (b & 0x80) === 0;
    if (fresh) {
      parts.push(v);
      v = 0;
    }
  }
  if (!fresh) throw new GatewayError('ERR_DER_TRUNCATED', 'OID arc');
  const first = parts[0]!;
  const head =
    typeof first === 'bigint'
      ? [2n, first - 80n]
      : first < 40
        ? [0, first]
        : first < 80
          ? [1, first - 40]
          : [2, first - 80];
  const dotted = [...head, ...parts.slice(1)].join('.');
  if (oidCacheEntries < 4096) {
    oidCacheEntries++;
    // A copy (Uint8Array's slice: Buffer#slice would be a view pinning the caller's buffer).
    const entry = { bytes: Uint8Array.prototype.slice.call(buf, t.valueStart, t.end), dotted };
    const bucket = oidCache.get(h);
    // FNV is not keyed: a crafted collision set may fill one bucket, never more than 4 deep.
    if (!bucket) oidCache.set(h, [entry]);
    else if (bucket.length < OID_BUCKET_LIMIT) bucket.push(entry);
  }
  return dotted;
}

/** BIT STRING contents; `requireOctets` rejects unused bits (keys, signatures). */
export function readBitString(
  buf: Uint8Array,
  t: Tlv,
  requireOctets = true,
): { bytes: Uint8Array; unusedBits: number } {
  expectTag(t, TAG.BIT_STRING, 'BIT STRING');
  if (t.end === t.valueStart) throw new GatewayError('ERR_DER_STRUCTURE', 'empty BIT STRING');
  const unusedBits = buf[t.valueStart]!;
  const bytes = buf.subarray(t.valueStart + 1, t.end);
  if (unusedBits > 7 || (bytes.length === 0 && unusedBits !== 0)) {
    throw new GatewayError('ERR_DER_STRUCTURE', 'BIT STRING unused bits');
  }
  if (unusedBits && (bytes[bytes.length - 1]! & ((1 << unusedBits) - 1)) !== 0) {
    throw new GatewayError('ERR_DER_NOT_CANONICAL', 'BIT STRING padding bits not zero');
  }
  if (requireOctets && unusedBits !== 0) throw new GatewayError('ERR_DER_STRUCTURE', 'BIT STRING not octet aligned');
  return { bytes, unusedBits };
}

/**
 * Named-bit BIT STRING (keyUsage) as a bit mask, bit 0 = the first named bit.
 * DER requires trailing zero bits removed (X.690 §11.2.2).
 */
export function readNamedBits(buf: Uint8Array, t: Tlv): number {
  const { bytes, unusedBits } = readBitString(buf, t, false);
  if (bytes.length > 0 && (bytes[bytes.length - 1]! & (1 << unusedBits)) === 0) {
    throw new GatewayError('ERR_DER_NOT_CANONICAL', 'named BIT STRING with trailing zero bits');
  }
  if (bytes.length > 4) throw new GatewayError('ERR_DER_STRUCTURE', 'named BIT STRING too long');
  let mask = 0;
  for (let i = 0; i < bytes.length; i++) {
    for (let bit = 0; bit < 8; bit++) if (bytes[i]! & (0x80 >> bit)) mask |= 1 << (i * 8 + bit);
  }
  return mask;
}

export function readOctetString(buf: Uint8Array, t: Tlv): Uint8Array {
  expectTag(t, TAG.OCTET_STRING, 'OCTET STRING');
  return buf.subarray(t.valueStart, t.end);
}

const digit = (buf: Uint8Array, i: number): number => {
  const c = buf[i]! - 0x30;
  if (c < 0 || c > 9) throw new GatewayError('ERR_DER_STRUCTURE', 'time digit');
  return c;
};
const two = (buf: Uint8Array, i: number): number => digit(buf, i) * 10 + digit(buf, i + 1);

/**
 * UTCTime `YYMMDDHHMMSSZ` or GeneralizedTime `YYYYMMDDHHMMSSZ` (RFC 5280 §4.1.2.5: seconds
 * present, Zulu, no fractions) → milliseconds since the epoch.
 */
export function readTime(buf: Uint8Array, t: Tlv): number {
  const s = t.valueStart;
  const len = t.end - s;
  let year: number;
  let p: number;
  if (t.tag === TAG.UTC_TIME) {
    if (len !== 13) throw new GatewayError('ERR_DER_NOT_CANONICAL', 'UTCTime must be YYMMDDHHMMSSZ');
    const yy = two(buf, s);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
    p = s + 2;
  } else if (t.tag === TAG.GENERALIZED_TIME) {
    if (len !== 15) throw new GatewayError('ERR_DER_NOT_CANONICAL', 'GeneralizedTime must be YYYYMMDDHHMMSSZ');
    year = two(buf, s) * 100 + two(buf, s + 2);
    p = s + 4;
  } else {
    throw new GatewayError('ERR_DER_STRUCTURE', 'expected a time');
  }
  if (buf[t.end - 1] !== 0x5a) throw new GatewayError('ERR_DER_NOT_CANONICAL', 'time not in Zulu');
  const month = two(buf, p);
  const day = two(buf, p + 2);
  const hour = two(buf, p + 4);
  const minute = two(buf, p + 6);
  const second = two(buf, p + 8);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(ms);
  if (
    month < 1 ||
    month > 12 ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    d.getUTCDate() !== day ||
    d.getUTCMonth() !== month - 1
  ) {
    throw new GatewayError('ERR_DER_STRUCTURE', 'invalid calendar time');
  }
  return ms;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Directory / attribute strings → JS string. Invalid encodings are coded errors. */
export function readString(buf: Uint8Array, t: Tlv): string {
  const bytes = buf.subarray(t.valueStart, t.end);
  try {
    switch (t.tag) {
      case TAG.UTF8_STRING:
        return utf8.decode(bytes);
      case TAG.PRINTABLE_STRING:
      case TAG.IA5_STRING:
      case TAG.T61_STRING: {
        let s = '';
        for (const b of bytes) {
          if (b > 0x7f && t.tag !== TAG.T61_STRING) throw new Error('non-ASCII');
          s += String.fromCharCode(b);
        }
        return s;
      }
      case TAG.BMP_STRING: {
        if (bytes.length % 2) throw new Error('odd BMPString');
        let s = '';
        for (let i = 0; i < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
        return s;
      }
      case TAG.UNIVERSAL_STRING: {
        if (bytes.length % 4) throw new Error('bad UniversalString');
        let s = '';
        for (let i = 0; i < bytes.length; i += 4) {
          s += String.fromCodePoint(
            ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0,
          );
        }
        return s;
      }
      default:
        throw new GatewayError('ERR_DER_STRUCTURE', `not a string tag 0x${t.tag.toString(16)}`);
    }
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError('ERR_DER_STRUCTURE', `string decoding: ${(e as Error).message}`);
  }
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
