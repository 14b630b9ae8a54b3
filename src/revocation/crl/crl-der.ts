/**
 * Allocation-free DER primitives for the CRL hot loop. src/pki/der.ts is the general strict
 * reader, but it returns an object per TLV and needs the whole value resident; a 5M-entry CRL
 * has ~25M TLVs read from a sliding window, so here headers are decoded into module-level
 * registers. The rules are the same as der.ts (X.690 §10.1): definite, minimal lengths.
 */
import { GatewayError } from '../../errors.js';

/** Value start of the last `child()` call (a register, to avoid allocating per TLV). */
export let VS = 0;

/**
 * Decodes the header at `p` (tag byte already checked by the caller) with `limit` the end of
 * the readable bytes. Returns `len * 8 + headerLength`, or -1 if the header is cut by `limit`.
 */
export function header(buf: Uint8Array, p: number, limit: number): number {
  if (p + 2 > limit) return -1;
  if ((buf[p]! & 0x1f) === 0x1f) throw new GatewayError('ERR_DER_TAG', 'high tag number in a CRL');
  const first = buf[p + 1]!;
  if (first < 0x80) return first * 8 + 2;
  const n = first & 0x7f;
  if (n === 0) throw new GatewayError('ERR_DER_LENGTH', 'indefinite length (BER)');
  if (n > 4) throw new GatewayError('ERR_DER_LENGTH', 'length of more than 4 bytes');
  if (p + 2 + n > limit) return -1;
  if (buf[p + 2] === 0) throw new GatewayError('ERR_DER_LENGTH', 'non-minimal length');
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + buf[p + 2 + i]!;
  if (len < 0x80) throw new GatewayError('ERR_DER_LENGTH', 'long form for a short length');
  return len * 8 + 2 + n;
}

/**
 * Reads a TLV at `p` that must lie entirely before `limit` (its parent's end) and have `tag`.
 * Sets VS to the value start and returns the value end.
 */
export function child(buf: Uint8Array, p: number, limit: number, tag: number, what: string): number {
  if (p >= limit) throw new GatewayError('ERR_DER_STRUCTURE', `${what}: missing`);
  if (buf[p] !== tag) {
    throw new GatewayError(
      'ERR_DER_STRUCTURE',
      `${what}: expected tag 0x${tag.toString(16)}, got 0x${buf[p]!.toString(16)}`,
    );
  }
  const h = header(buf, p, limit);
  if (h < 0) throw new GatewayError('ERR_DER_TRUNCATED', `${what}: header`);
  const hl = h & 7;
  const end = p + hl + (h - hl) / 8;
  if (end > limit) throw new GatewayError('ERR_DER_TRUNCATED', `${what}: value runs past its parent`);
  VS = p + hl;
  return end;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
let lastYmd = -1;
let lastDays = 0;

function d2(buf: Uint8Array, i: number): number {
  const a = buf[i]! - 0x30;
  const b = buf[i + 1]! - 0x30;
  if (a < 0 || a > 9 || b < 0 || b > 9) throw new GatewayError('ERR_CRL_MALFORMED', 'time: not a digit');
  return a * 10 + b;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * UTCTime `YYMMDDHHMMSSZ` / GeneralizedTime `YYYYMMDDHHMMSSZ` at value [vs, ve) → seconds since
 * the epoch. RFC 5280 §5.1.2.4/§5.1.2.6: seconds present, Zulu, no fractions, and UTCTime for
 * years through 2049 — unless `anyGeneralized` (invalidityDate is always GeneralizedTime, §5.3.2).
 */
export function timeSeconds(buf: Uint8Array, tag: number, vs: number, ve: number, anyGeneralized = false): number {
  let year: number;
  let p: number;
  if (tag === 0x17) {
    if (ve - vs !== 13) throw new GatewayError('ERR_CRL_MALFORMED', 'UTCTime must be YYMMDDHHMMSSZ');
    const yy = d2(buf, vs);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
    p = vs + 2;
  } else if (tag === 0x18) {
    if (ve - vs !== 15) throw new GatewayError('ERR_CRL_MALFORMED', 'GeneralizedTime must be YYYYMMDDHHMMSSZ');
    year = d2(buf, vs) * 100 + d2(buf, vs + 2);
    if (year < 2050 && !anyGeneralized) throw new GatewayError('ERR_CRL_MALFORMED', 'GeneralizedTime before 2050');
    p = vs + 4;
  } else {
    throw new GatewayError('ERR_DER_STRUCTURE', `expected a time, got tag 0x${tag.toString(16)}`);
  }
  if (buf[ve - 1] !== 0x5a) throw new GatewayError('ERR_CRL_MALFORMED', 'time not in Zulu');
  const mo = d2(buf, p);
  const d = d2(buf, p + 2);
  const h = d2(buf, p + 4);
  const mi = d2(buf, p + 6);
  const s = d2(buf, p + 8);
  if (h > 23 || mi > 59 || s > 59) throw new GatewayError('ERR_CRL_MALFORMED', 'invalid time of day');
  // Consecutive entries of a CRL mostly share their day: reuse the last calendar check.
  const ymd = year * 10000 + mo * 100 + d;
  if (ymd !== lastYmd) {
    const leap = mo === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
    if (mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]! + leap)
      throw new GatewayError('ERR_CRL_MALFORMED', 'invalid date');
    lastDays = daysFromCivil(year, mo, d);
    lastYmd = ymd;
  }
  return lastDays * 86400 + h * 3600 + mi * 60 + s;
}
