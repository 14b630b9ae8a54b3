import type { Tlv } from '../pki/der.js';

/**
 * RFC 5652 §5.4: the signature covers the signedAttrs encoded as an explicit SET OF (tag
 * 0x31), not the [0] IMPLICIT tag (0xa0) they travel with. One small copy per verification.
 */
export function signedAttributesInput(buf: Uint8Array, signedAttrs: Tlv): Uint8Array {
  // A copy, never a view: Buffer#slice shares memory and the tag rewrite below would corrupt the input.
  const out = Uint8Array.prototype.slice.call(buf, signedAttrs.start, signedAttrs.end);
  out[0] = 0x31;
  return out;
}
