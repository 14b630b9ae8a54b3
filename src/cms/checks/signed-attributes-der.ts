import { GatewayError } from '../../errors.js';
import { TAG, newTlvScratch, scanTlv, type Tlv } from '../../pki/der.js';
import { readBitString, readBoolean, readIntegerBytes, readNull, readOid } from '../../pki/der-values.js';

// RFC 5652 §5.4: the signature covers the DER encoding of signedAttrs. We hash the bytes as
// received, so they must already be DER (X.690 §10, §11.6: SET OF sorted by encoding);
// otherwise a re-encoding verifier and we would disagree about what was signed.
export function checkSignedAttributesDer(buf: Uint8Array, signedAttrs: Tlv): void {
  try {
    walk(buf, signedAttrs, true);
  } catch (e) {
    if (e instanceof GatewayError && e.code === 'ERR_DER_NOT_CANONICAL') {
      throw new GatewayError('ERR_CMS_SIGNED_ATTRS_NOT_DER', e.detail);
    }
    throw e;
  }
}

/** Reused by walk: every field is copied to locals before the recursion reuses it. */
const scratch = newTlvScratch();

function walk(buf: Uint8Array, node: Tlv, isSetOf: boolean): void {
  if (!node.constructed) {
    checkPrimitive(buf, node);
    return;
  }
  walkChildren(buf, node.valueStart, node.end, isSetOf);
}

function walkChildren(buf: Uint8Array, from: number, to: number, isSetOf: boolean): void {
  let prevStart = -1;
  let prevEnd = -1;
  for (let pos = from; pos < to;) {
    scanTlv(buf, pos, to, scratch);
    const { tag, constructed, start, valueStart, end } = scratch;
    if (isSetOf && prevStart >= 0 && compareRanges(buf, prevStart, prevEnd, start, end) > 0) {
      throw new GatewayError('ERR_DER_NOT_CANONICAL', `SET elements not sorted at offset ${start}`);
    }
    // Every universal SET below is checked too: SET OF sorts by encoding and a SET's
    // distinct tags sort the same way (X.690 §10.3, §11.6).
    if (constructed) walkChildren(buf, valueStart, end, tag === TAG.SET);
    else checkPrimitive(buf, scratch);
    prevStart = start;
    prevEnd = end;
    pos = end;
  }
}

/** The universal primitives whose DER form is fixed regardless of the attribute's schema. */
function checkPrimitive(buf: Uint8Array, t: Tlv): void {
  switch (t.tag) {
    case TAG.INTEGER:
    case TAG.ENUMERATED:
      readIntegerBytes(buf, t, t.tag);
      return;
    case TAG.BOOLEAN:
      readBoolean(buf, t);
      return;
    case TAG.NULL:
      readNull(buf, t);
      return;
    case TAG.BIT_STRING:
      readBitString(buf, t, false);
      return;
    case TAG.OID:
      readOid(buf, t);
      return;
  }
}

/** X.690 §11.6: octet-string order, the shorter padded with trailing zero octets. */
export function compareEncodings(buf: Uint8Array, a: Tlv, b: Tlv): number {
  return compareRanges(buf, a.start, a.end, b.start, b.end);
}

function compareRanges(buf: Uint8Array, aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  const la = aEnd - aStart;
  const lb = bEnd - bStart;
  const n = Math.max(la, lb);
  for (let i = 0; i < n; i++) {
    const x = i < la ? buf[aStart + i]! : 0;
    const y = i < lb ? buf[bStart + i]! : 0;
    if (x !== y) return x - y;
  }
  return 0;
}
