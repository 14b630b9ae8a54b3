import type { Tlv } from '../pki/der.js';

/**
 * RFC 5652 §5.4: the signature covers the signedAttrs encoded as an explicit SET OF (tag
 * 0x31), not the [0] IMPLICIT tag (0xa0) they travel with. One small copy per verification.
 */
export function signedAttributesInput(buf: Uint8Array, signedAttrs: Tlv): Uint8Array {
  const out = buf.slice(signedAttrs.start, signedAttrs.end);
  out[0] = 0x31;
  return out;
}
