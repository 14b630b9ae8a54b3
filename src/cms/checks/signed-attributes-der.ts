import { GatewayError } from '../../errors.js';
import { TAG, readTlv, type Tlv } from '../../pki/der.js';
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

function walk(buf: Uint8Array, node: Tlv, isSetOf: boolean): void {
  if (!node.constructed) {
    checkPrimitive(buf, node);
    return;
  }
  let prev: Tlv | undefined;
  for (let pos = node.valueStart; pos < node.end;) {
    const child = readTlv(buf, pos, node.end);
    if (isSetOf && prev && compareEncodings(buf, prev, child) > 0) {
      throw new GatewayError('ERR_DER_NOT_CANONICAL', `SET elements not sorted at offset ${child.start}`);
    }
    // Every universal SET below is checked too: SET OF sorts by encoding and a SET's
    // distinct tags sort the same way (X.690 §10.3, §11.6).
    walk(buf, child, child.tag === TAG.SET);
    prev = child;
    pos = child.end;
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
  const la = a.end - a.start;
  const lb = b.end - b.start;
  const n = Math.max(la, lb);
  for (let i = 0; i < n; i++) {
    const x = i < la ? buf[a.start + i]! : 0;
    const y = i < lb ? buf[b.start + i]! : 0;
    if (x !== y) return x - y;
  }
  return 0;
}
