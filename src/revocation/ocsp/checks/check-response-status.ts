import { GatewayError } from '../../../errors.js';
import type { UnverifiedOcspResponse } from '../parse-ocsp-response.js';

const STATUS_NAMES: Readonly<Record<number, string>> = {
  1: 'malformedRequest',
  2: 'internalError',
  3: 'tryLater',
  5: 'sigRequired',
  6: 'unauthorized',
};

// RFC 6960 §4.2.1: only `successful` (0) carries an answer; every other status is no answer.
export function checkResponseStatus(res: UnverifiedOcspResponse): void {
  if (res.responseStatus !== 0) {
    const name = STATUS_NAMES[res.responseStatus] ?? `undefined status ${res.responseStatus}`;
    throw new GatewayError('ERR_OCSP_RESPONSE_STATUS', name);
  }
}
