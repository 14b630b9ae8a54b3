import { GatewayError } from '../../../errors.js';
import { OCSP_OID } from '../ocsp-oids.js';
import type { UnverifiedOcspResponse } from '../parse-ocsp-response.js';

// RFC 6960 §4.2.1: a successful response carries responseBytes; we accept only id-pkix-ocsp-basic.
export function checkResponseType(res: UnverifiedOcspResponse): Uint8Array {
  if (!res.response) throw new GatewayError('ERR_OCSP_MALFORMED', 'successful response without responseBytes');
  if (res.responseType !== OCSP_OID.basic) {
    throw new GatewayError('ERR_OCSP_MALFORMED', `responseType ${res.responseType ?? '?'} is not id-pkix-ocsp-basic`);
  }
  return res.response;
}
