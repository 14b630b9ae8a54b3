/**
 * Strict DER reader (X.690 §8, §10). Our own because correctness and speed are the core:
 * asn1js accepts BER where DER is required, throws untyped errors and is ~50x slower than
 * walking offsets. Nodes are offsets into the caller's buffer; nothing is copied.
 *
 * Rules enforced on every TLV: definite, minimal lengths; low tag numbers in one byte and
 * high tag numbers minimally encoded; no value running past its parent; depth limit.
 */
import { GatewayError } from '../errors.js';

export interface Tlv {
  /** Full tag as an integer: one byte for low tags (0x30), more for high tags (0x7f21). */
  readonly tag: number;
  readonly constructed: boolean;
  /** Offset of the first tag byte. */
  readonly start: number;
  /** Offset of the first value byte. */
  readonly valueStart: number;
  /** Offset one past the last value byte. */
  readonly end: number;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  ENUMERATED: 0x0a,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Context-specific tag numbers: [n] constructed and [n] primitive. */
export const ctx = (n: number): number => 0xa0 | n;
export const ctxPrim = (n: number): number => 0x80 | n;

export const DEFAULT_MAX_DEPTH = 32;

/** A header being read: scanTlv fills one in place (hot loops reuse one instead of allocating). */
export interface TlvScratch {
  tag: number;
  constructed: boolean;
  start: number;
  valueStart: number;
  end: number;
}

export const newTlvScratch = (): TlvScratch => ({ tag: 0, constructed: false, start: 0, valueStart: 0, end: 0 });

/** Reads one TLV header at `pos`; the value must end at or before `limit`. */
export function readTlv(buf: Uint8Array, pos: number, limit: number = buf.length): Tlv {
  const t = newTlvScratch();
  scanTlv(buf, pos, limit, t);
  return t;
}

/** readTlv into `out` (the one implementation of the header rules). */
export function scanTlv(buf: Uint8Array, pos: number, limit: number, out: TlvScratch): void {
  if (pos >= limit) throw new GatewayError('ERR_DER_TRUNCATED', `no tag at ${pos}`);
  const start = pos;
  const first = buf[pos++]!;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    // High tag number form: base-128, minimal (first subsequent byte not 0x80), must be >= 31.
    let num = 0;
    let n = 0;
    for (;;) {
      if (pos >= limit) throw new GatewayError('ERR_DER_TRUNCATED', 'high tag');
      const b = buf[pos++]!;
      if (n === 0 && b === 0x80) throw new GatewayError('ERR_DER_TAG', 'non-minimal high tag');
      tag = tag * 256 + b;
      num = num * 128 + (b & 0x7f);
      if (++n > 3) throw new GatewayError('ERR_DER_TAG', 'tag number too large');
      if ((b & 0x80) === 0) break;
    }
    if (num < 31) throw new GatewayError('ERR_DER_TAG', 'high tag form for a low tag number');
  }
  if (pos >= limit) throw new GatewayError('ERR_DER_TRUNCATED', 'no length');
  let len = buf[pos++]!;
  if (len & 0x80) {
    const nBytes = len & 0x7f;
    if (nBytes === 0) throw new GatewayError('ERR_DER_LENGTH', 'indefinite length (BER)');
    if (nBytes > 4) throw new GatewayError('ERR_DER_LENGTH', 'length of more than 4 bytes');
    if (pos + nBytes > limit) throw new GatewayError('ERR_DER_TRUNCATED', 'length bytes');
    if (buf[pos] === 0) throw new GatewayError('ERR_DER_LENGTH', 'non-minimal length');
    len = 0;
    for (let i = 0; i < nBytes; i++) len = len * 256 + buf[pos++]!;
    if (len < 0x80) throw new GatewayError('ERR_DER_LENGTH', 'long form for a short length');
  }
  const end = pos + len;
  if (end > limit) throw new GatewayError('ERR_DER_TRUNCATED', `value needs ${len} bytes`);
  out.tag = tag;
  out.constructed = (first & 0x20) !== 0;
  out.start = start;
  out.valueStart = pos;
  out.end = end;
}

const PRIMITIVE_ONLY = new Set<number>([
  TAG.BOOLEAN,
  TAG.INTEGER,
  TAG.BIT_STRING,
  TAG.OCTET_STRING,
  TAG.NULL,
  TAG.OID,
  TAG.ENUMERATED,
  TAG.UTF8_STRING,
  TAG.PRINTABLE_STRING,
  TAG.T61_STRING,
  TAG.IA5_STRING,
  TAG.UTC_TIME,
  TAG.GENERALIZED_TIME,
  TAG.UNIVERSAL_STRING,
  TAG.BMP_STRING,
]);

/**
 * Parses exactly one DER element spanning the whole input and checks the tree to `maxDepth`:
 * every constructed value is an exact sequence of TLVs, universal string/time/integer types
 * are primitive (X.690 §10.2), and nothing trails the outer element.
 */
export function parseDer(buf: Uint8Array, maxDepth: number = DEFAULT_MAX_DEPTH): Tlv {
  const root = readTlv(buf, 0, buf.length);
  if (root.end !== buf.length) {
    throw new GatewayError('ERR_DER_TRAILING_DATA', `${buf.length - root.end} bytes after the value`);
  }
  checkTree(buf, root, maxDepth);
  return root;
}

/** Universal tag numbers (low form) that X.690 §10.2 / our profile require to be primitive. */
const PRIMITIVE_ONLY_LOW = (() => {
  const table = new Uint8Array(32);
  for (const t of PRIMITIVE_ONLY) table[t] = 1;
  return table;
})();

function checkTree(buf: Uint8Array, node: Tlv, depthLeft: number): void {
  if (!node.constructed) return;
  checkChildren(buf, node.tag, node.valueStart, node.end, depthLeft);
}

/** Reused by checkChildren: every field is copied to locals before the recursion reuses it. */
const checkScratch = newTlvScratch();

/**
 * The children of one constructed value, recursively. Hot: every input is checked once in
 * full, so headers are read into one scratch object instead of a Tlv per node (a property test
 * compares the result with a plain readTlv recursion).
 */
function checkChildren(buf: Uint8Array, tag: number, from: number, to: number, depthLeft: number): void {
  if (depthLeft <= 0) throw new GatewayError('ERR_DER_TOO_DEEP');
  if (tag < 0x100 && (tag & 0xc0) === 0 && PRIMITIVE_ONLY_LOW[tag & 0x1f] === 1) {
    throw new GatewayError('ERR_DER_NOT_CANONICAL', `constructed encoding of tag 0x${tag.toString(16)}`);
  }
  const h = checkScratch;
  let pos = from;
  while (pos < to) {
    scanTlv(buf, pos, to, h);
    const end = h.end;
    if (h.constructed) checkChildren(buf, h.tag, h.valueStart, end, depthLeft - 1);
    pos = end;
  }
}

/** The children of a constructed node (already bounds-checked by parseDer). */
export function children(buf: Uint8Array, node: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let pos = node.valueStart;
  while (pos < node.end) {
    const c = readTlv(buf, pos, node.end);
    out.push(c);
    pos = c.end;
  }
  return out;
}

/** Reused by DerCursor.peekTag/optional (synchronous, read before anything else runs). */
const peekScratch = newTlvScratch();

/** Sequential reader over the children of one constructed node. */
export class DerCursor {
  private pos: number;
  constructor(
    readonly buf: Uint8Array,
    readonly parent: Tlv,
    private readonly what = 'structure',
  ) {
    if (!parent.constructed) throw new GatewayError('ERR_DER_STRUCTURE', `${what}: expected constructed`);
    this.pos = parent.valueStart;
  }
  get done(): boolean {
    return this.pos >= this.parent.end;
  }
  peekTag(): number | undefined {
    if (this.done) return undefined;
    // The header is checked as readTlv would (cursors also run over unchecked input), into a
    // reused scratch: no object for a peek.
    scanTlv(this.buf, this.pos, this.parent.end, peekScratch);
    return peekScratch.tag;
  }
  /** Next child; when `tag` is given it must match. */
  next(tag?: number): Tlv {
    if (this.done) throw new GatewayError('ERR_DER_STRUCTURE', `${this.what}: missing element`);
    const t = readTlv(this.buf, this.pos, this.parent.end);
    if (tag !== undefined && t.tag !== tag) {
      throw new GatewayError(
        'ERR_DER_STRUCTURE',
        `${this.what}: expected tag 0x${tag.toString(16)}, got 0x${t.tag.toString(16)}`,
      );
    }
    this.pos = t.end;
    return t;
  }
  /** Next child only if it has `tag`. */
  optional(tag: number): Tlv | undefined {
    if (this.done) return undefined;
    // An absent element is known after checking its header into a reused scratch: an object
    // is built only for the element returned.
    scanTlv(this.buf, this.pos, this.parent.end, peekScratch);
    if (peekScratch.tag !== tag) return undefined;
    const t = readTlv(this.buf, this.pos, this.parent.end);
    if (t.tag !== tag) return undefined;
    this.pos = t.end;
    return t;
  }
  /** Asserts that every child was consumed. */
  end(): void {
    if (!this.done) throw new GatewayError('ERR_DER_STRUCTURE', `${this.what}: unexpected extra element`);
  }
}

export function value(buf: Uint8Array, t: Tlv): Uint8Array {
  return buf.subarray(t.valueStart, t.end);
}

export function whole(buf: Uint8Array, t: Tlv): Uint8Array {
  return buf.subarray(t.start, t.end);
}

export function cursor(buf: Uint8Array, t: Tlv, what?: string): DerCursor {
  return new DerCursor(buf, t, what);
}
