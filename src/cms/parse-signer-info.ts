/** SignerInfo skeleton (RFC 5652 §5.3); the rules on its values live in checks/. */
import { GatewayError } from '../errors.js';
import { TAG, cursor, value, whole, type Tlv } from '../pki/der.js';
import { readIntegerBytes, readOctetString, readSmallInt } from '../pki/der-values.js';
import type { SignerIdentifier, UnverifiedSignerInfo } from './types.js';

export function parseSignerInfo(buf: Uint8Array, t: Tlv): UnverifiedSignerInfo {
  const c = cursor(buf, t, 'SignerInfo');
  const version = readSmallInt(buf, c.next(TAG.INTEGER));
  const sid = readSignerIdentifier(buf, c.next());
  const digestAlgorithm = c.next(TAG.SEQUENCE);
  const signedAttrs = c.optional(0xa0);
  const signatureAlgorithm = c.next(TAG.SEQUENCE);
  const signature = readOctetString(buf, c.next(TAG.OCTET_STRING));
  const unsignedAttrs = c.optional(0xa1);
  c.end();
  return { version, sid, digestAlgorithm, signedAttrs, signatureAlgorithm, signature, unsignedAttrs };
}

/** RFC 5652 §5.3: issuerAndSerialNumber, or subjectKeyIdentifier [0] IMPLICIT OCTET STRING. */
function readSignerIdentifier(buf: Uint8Array, t: Tlv): SignerIdentifier {
  if (t.tag === TAG.SEQUENCE) {
    const c = cursor(buf, t, 'IssuerAndSerialNumber');
    const issuerDer = whole(buf, c.next(TAG.SEQUENCE));
    const serial = readIntegerBytes(buf, c.next(TAG.INTEGER));
    c.end();
    return { kind: 'issuerAndSerialNumber', issuerDer, serial };
  }
  if (t.tag === 0x80) {
    const keyId = value(buf, t);
    if (keyId.length === 0) throw new GatewayError('ERR_DER_STRUCTURE', 'empty subjectKeyIdentifier');
    return { kind: 'subjectKeyIdentifier', keyId };
  }
  throw new GatewayError('ERR_DER_STRUCTURE', `SignerIdentifier tag 0x${t.tag.toString(16)}`);
}
