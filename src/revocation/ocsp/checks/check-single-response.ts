import { GatewayError } from '../../../errors.js';
import type { UnverifiedBasicResponse, UnverifiedSingleResponse } from '../types.js';

// RFC 6960 §4.2.2.3 with the web-eid rule: we asked about one certificate, so exactly one answer.
export function checkSingleResponse(basic: UnverifiedBasicResponse): UnverifiedSingleResponse {
  if (basic.responses.length !== 1) {
    throw new GatewayError('ERR_OCSP_CERT_ID_MISMATCH', `${basic.responses.length} SingleResponses, expected 1`);
  }
  return basic.responses[0]!;
}
