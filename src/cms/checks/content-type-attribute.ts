import { GatewayError } from '../../errors.js';
import { TAG } from '../../pki/der.js';
import { readOid } from '../../pki/der-values.js';
import { OID } from '../../pki/oids.js';
import { attributesOfType } from '../parse-attributes.js';
import type { Attribute } from '../types.js';

// RFC 5652 §11.1 and §5.3: exactly one content-type attribute, single-valued, equal to eContentType.
export function checkContentTypeAttribute(
  buf: Uint8Array,
  attributes: readonly Attribute[],
  eContentType: string,
): void {
  const found = attributesOfType(attributes, OID.contentType);
  if (found.length !== 1)
    throw new GatewayError('ERR_CMS_ATTR_CONTENT_TYPE', `${found.length} content-type attributes`);
  const values = found[0]!.values;
  if (values.length !== 1 || values[0]!.tag !== TAG.OID) {
    throw new GatewayError('ERR_CMS_ATTR_CONTENT_TYPE', 'content-type must hold one OID');
  }
  const signedType = readOid(buf, values[0]!);
  if (signedType !== eContentType) {
    throw new GatewayError('ERR_CMS_ATTR_CONTENT_TYPE', `signed ${signedType}, eContentType ${eContentType}`);
  }
}
