// Minimal DER encoder. Used to *build* structures (sandbox CAs, hostile test vectors, CMS
// signed attributes) where byte-exact control matters more than a general ASN.1 library:
// tests must be able to craft encodings that pkijs would refuse to produce.

const encoder = new TextEncoder();

export function concat(...arrays: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const a of arrays) total += a.length;
  const out = new Uint8Array(total);
  let off = 0;
  for (const a of arrays) {
    out.set(a, off);
    off += a.length;
  }
  return out;
}

// X.690 §10.1: definite form, minimal number of length octets.
function encodeLength(len: number): Uint8Array {
  if (!Number.isSafeInteger(len) || len < 0) throw new TypeError(`invalid DER length ${len}`);
  if (len < 0x80) return Uint8Array.of(len);
  const bytes: number[] = [];
  for (let v = len; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

// The tag is written big-endian as given (0x30, 0xa0, 0x7f21, 0x5f4e, 0xdf31, ...), so callers
// pass the full identifier octets rather than a class/number pair.
function encodeTag(tag: number): Uint8Array {
  if (!Number.isSafeInteger(tag) || tag < 0) throw new TypeError(`invalid tag ${tag}`);
  if (tag === 0) return Uint8Array.of(0);
  const bytes: number[] = [];
  for (let v = tag; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Uint8Array.from(bytes);
}

export function tlv(tag: number, value: Uint8Array): Uint8Array {
  return concat(encodeTag(tag), encodeLength(value.length), value);
}

export function seq(...items: Uint8Array[]): Uint8Array {
  return tlv(0x30, concat(...items));
}

/** SET in the given order (for crafting non-DER vectors; use setOf for valid DER). */
export function set(...items: Uint8Array[]): Uint8Array {
  return tlv(0x31, concat(...items));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** X.690 §11.6: SET OF components sorted by their encodings (shorter = padded with 0s). */
export function setOf(...items: Uint8Array[]): Uint8Array {
  return tlv(0x31, concat(...[...items].sort(compareBytes)));
}

function bigintFromBytes(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

/** Minimal two's-complement INTEGER; a Uint8Array is an unsigned magnitude (e.g. a serial). */
export function integer(v: bigint | number | Uint8Array): Uint8Array {
  let n: bigint;
  if (v instanceof Uint8Array) n = bigintFromBytes(v);
  else if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new TypeError(`integer: ${v} is not a safe integer`);
    n = BigInt(v);
  } else n = v;
  const bytes: number[] = [];
  if (n >= 0n) {
    do {
      bytes.unshift(Number(n & 0xffn));
      n >>= 8n;
    } while (n > 0n);
    if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  } else {
    do {
      bytes.unshift(Number(n & 0xffn));
      n >>= 8n;
    } while (n < -1n);
    if (!((bytes[0] ?? 0) & 0x80)) bytes.unshift(0xff);
  }
  return tlv(0x02, Uint8Array.from(bytes));
}

function base128(n: bigint): number[] {
  const out = [Number(n & 0x7fn)];
  for (n >>= 7n; n > 0n; n >>= 7n) out.unshift(Number(n & 0x7fn) | 0x80);
  return out;
}

export function oid(dotted: string): Uint8Array {
  if (!/^[0-2](\.\d+)+$/.test(dotted)) throw new TypeError(`invalid OID "${dotted}"`);
  const arcs = dotted.split('.').map((s) => BigInt(s));
  const [a0 = 0n, a1 = 0n, ...rest] = arcs;
  if (a0 < 2n && a1 > 39n) throw new TypeError(`invalid OID "${dotted}"`);
  const body = [...base128(a0 * 40n + a1)];
  for (const arc of rest) body.push(...base128(arc));
  return tlv(0x06, Uint8Array.from(body));
}

export function nullValue(): Uint8Array {
  return Uint8Array.of(0x05, 0x00);
}

export function bool(b: boolean): Uint8Array {
  return Uint8Array.of(0x01, 0x01, b ? 0xff : 0x00);
}

export function octetString(b: Uint8Array): Uint8Array {
  return tlv(0x04, b);
}

export function bitString(b: Uint8Array, unusedBits = 0): Uint8Array {
  if (!Number.isInteger(unusedBits) || unusedBits < 0 || unusedBits > 7) {
    throw new TypeError(`invalid unused bit count ${unusedBits}`);
  }
  return tlv(0x03, concat(Uint8Array.of(unusedBits), b));
}

export function utf8(s: string): Uint8Array {
  return tlv(0x0c, encoder.encode(s));
}

export function printable(s: string): Uint8Array {
  if (!/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s)) throw new TypeError(`not a PrintableString: "${s}"`);
  return tlv(0x13, encoder.encode(s));
}

export function ia5(s: string): Uint8Array {
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(s)) throw new TypeError('not an IA5String');
  return tlv(0x16, encoder.encode(s));
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function checkDate(d: Date): void {
  if (Number.isNaN(d.getTime())) throw new TypeError('invalid Date');
}

/** YYMMDDHHMMSSZ, RFC 5280 §4.1.2.5.1 (1950–2049). */
export function utcTime(d: Date): Uint8Array {
  checkDate(d);
  const y = d.getUTCFullYear();
  if (y < 1950 || y > 2049) throw new TypeError(`UTCTime cannot represent year ${y}`);
  const s =
    pad(y % 100) +
    pad(d.getUTCMonth() + 1) +
    pad(d.getUTCDate()) +
    pad(d.getUTCHours()) +
    pad(d.getUTCMinutes()) +
    pad(d.getUTCSeconds()) +
    'Z';
  return tlv(0x17, encoder.encode(s));
}

/** YYYYMMDDHHMMSSZ without fractional seconds, RFC 5280 §4.1.2.5.2. */
export function generalizedTime(d: Date): Uint8Array {
  checkDate(d);
  const s =
    pad(d.getUTCFullYear(), 4) +
    pad(d.getUTCMonth() + 1) +
    pad(d.getUTCDate()) +
    pad(d.getUTCHours()) +
    pad(d.getUTCMinutes()) +
    pad(d.getUTCSeconds()) +
    'Z';
  return tlv(0x18, encoder.encode(s));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
export function time(d: Date): Uint8Array {
  checkDate(d);
  const y = d.getUTCFullYear();
  return y >= 1950 && y <= 2049 ? utcTime(d) : generalizedTime(d);
}

function contextTag(n: number, constructed: boolean): number {
  if (!Number.isInteger(n) || n < 0 || n > 30) throw new TypeError(`context tag [${n}] unsupported`);
  return 0x80 | (constructed ? 0x20 : 0) | n;
}

/** [n] EXPLICIT: a constructed context tag wrapping the complete inner encoding. */
export function explicit(n: number, inner: Uint8Array): Uint8Array {
  return tlv(contextTag(n, true), inner);
}

/** [n] IMPLICIT: replaces the (single-byte) tag of an already encoded element. */
export function implicit(n: number, inner: Uint8Array, constructed = false): Uint8Array {
  if (inner.length < 2 || ((inner[0] ?? 0) & 0x1f) === 0x1f) {
    throw new TypeError('implicit: inner must be an encoded element with a low tag number');
  }
  const out = Uint8Array.from(inner);
  out[0] = contextTag(n, constructed);
  return out;
}
