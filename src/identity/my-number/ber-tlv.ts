/**
 * Strict reader for the text AP's ISO/IEC 7816-4 §5.2 BER-TLV (private-class tags FF10, DF21,
 * 7F21, 5F4E…). Not the X.690 DER reader: the card uses two-byte tags for tag numbers below
 * 31 (FF 10), which DER forbids. Strict otherwise: tags of one or two bytes only, definite
 * lengths in their shortest form (short, 81 xx ≥ 0x80, 82 xxxx ≥ 0x100), nothing past the
 * parent. Failures carry the caller's per-file error code; details never quote values.
 */
import { GatewayError, type ErrorCode } from '../../errors.js';

export interface BerTlv {
  /** One or two tag bytes as an integer (0xff10, 0xdf21, 0x90). */
  readonly tag: number;
  readonly start: number;
  readonly valueStart: number;
  readonly end: number;
}

export const hexTag = (tag: number): string => tag.toString(16).toUpperCase();

export function readBerTlv(buf: Uint8Array, pos: number, limit: number, code: ErrorCode, what: string): BerTlv {
  const bad = (why: string): GatewayError => new GatewayError(code, `${what}: ${why}`);
  const start = pos;
  if (pos >= limit) throw bad('missing element');
  let tag = buf[pos++]!;
  if ((tag & 0x1f) === 0x1f) {
    // ISO/IEC 7816-4 §5.2.2.1: subsequent byte; the text AP never needs a third one
    if (pos >= limit) throw bad('truncated tag');
    const b = buf[pos++]!;
    if (b & 0x80) throw bad('tag longer than two bytes');
    tag = tag * 256 + b;
  }
  if (pos >= limit) throw bad('missing length');
  const first = buf[pos++]!;
  let len: number;
  if (first < 0x80) len = first;
  else if (first === 0x81) {
    if (pos + 1 > limit) throw bad('truncated length');
    len = buf[pos++]!;
    if (len < 0x80) throw bad('non-minimal length');
  } else if (first === 0x82) {
    if (pos + 2 > limit) throw bad('truncated length');
    len = buf[pos]! * 256 + buf[pos + 1]!;
    pos += 2;
    if (len < 0x100) throw bad('non-minimal length');
  } else throw bad('unsupported length form');
  const end = pos + len;
  if (end > limit) throw bad('value runs past its container');
  return { tag, start, valueStart: pos, end };
}

/** The next element, which must carry `tag` (and, when given, exactly `length` value bytes). */
export function expectTlv(
  buf: Uint8Array,
  pos: number,
  limit: number,
  tag: number,
  code: ErrorCode,
  what: string,
  length?: number,
): BerTlv {
  const t = readBerTlv(buf, pos, limit, code, what);
  if (t.tag !== tag) throw new GatewayError(code, `${what}: expected tag ${hexTag(tag)}, found ${hexTag(t.tag)}`);
  if (length !== undefined && t.end - t.valueStart !== length) {
    throw new GatewayError(code, `${what}: ${hexTag(tag)} must hold ${length} bytes`);
  }
  return t;
}

/** The whole file must be this one element, nothing before or after it. */
export function expectWholeFile(buf: Uint8Array, tag: number, code: ErrorCode, what: string): BerTlv {
  const t = expectTlv(buf, 0, buf.length, tag, code, what);
  if (t.end !== buf.length) throw new GatewayError(code, `${what}: ${buf.length - t.end} bytes after ${hexTag(tag)}`);
  return t;
}

export function checkSize(buf: Uint8Array, max: number, what: string): void {
  // architecture.md "Security defaults": a size limit on every untrusted input, before parsing
  if (buf.length > max) throw new GatewayError('ERR_INPUT_TOO_LARGE', `${what}: more than ${max} bytes`);
}
