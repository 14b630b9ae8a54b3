import { GatewayError } from '../../errors.js';
import { HASH_LENGTH, type HashName } from '../../pki/algorithms.js';
import { TAG, value } from '../../pki/der.js';
import { OID } from '../../pki/oids.js';
import { attributesOfType } from '../parse-attributes.js';
import type { Attribute } from '../types.js';

// RFC 5652 §11.2: exactly one message-digest attribute with one OCTET STRING of the digest's length.
export function readMessageDigestAttribute(
  buf: Uint8Array,
  attributes: readonly Attribute[],
  hash: HashName,
): Uint8Array {
  const found = attributesOfType(attributes, OID.messageDigest);
  if (found.length !== 1)
    throw new GatewayError('ERR_CMS_ATTR_MESSAGE_DIGEST', `${found.length} message-digest attributes`);
  const values = found[0]!.values;
  if (values.length !== 1 || values[0]!.tag !== TAG.OCTET_STRING) {
    throw new GatewayError('ERR_CMS_ATTR_MESSAGE_DIGEST', 'message-digest must hold one OCTET STRING');
  }
  const digest = value(buf, values[0]!);
  if (digest.length !== HASH_LENGTH[hash]) {
    throw new GatewayError('ERR_CMS_ATTR_MESSAGE_DIGEST', `${digest.length} bytes for ${hash}`);
  }
  return digest;
}
