import { GatewayError } from '../../../errors.js';

// RFC 6960 §3.2 (4), §4.2.2.1: thisUpdate is sufficiently recent — in particular not in the
// future beyond the allowed clock skew.
export function checkThisUpdate(thisUpdate: number, now: number, skewMs: number): void {
  if (thisUpdate > now + skewMs) {
    throw new GatewayError(
      'ERR_OCSP_NOT_YET_VALID',
      `thisUpdate ${new Date(thisUpdate).toISOString()} is in the future`,
    );
  }
}
