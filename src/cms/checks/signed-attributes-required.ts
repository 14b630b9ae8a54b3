import { GatewayError } from '../../errors.js';
import { OID } from '../../pki/oids.js';

// RFC 5652 §5.3: signedAttrs may be absent only when eContentType is id-data.
export function checkSignedAttributesRequired(eContentType: string): void {
  if (eContentType !== OID.data) {
    throw new GatewayError('ERR_CMS_SIGNED_ATTRS_MISSING', `eContentType ${eContentType} without signedAttrs`);
  }
}
