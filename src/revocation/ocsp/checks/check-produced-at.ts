import { GatewayError } from '../../../errors.js';

// RFC 6960 §4.2.2.1: producedAt is when the responder signed; a signature from the future
// (beyond the allowed clock skew) is not evidence we can place in time.
export function checkProducedAt(producedAt: number, now: number, skewMs: number): void {
  if (producedAt > now + skewMs) {
    throw new GatewayError(
      'ERR_OCSP_NOT_YET_VALID',
      `producedAt ${new Date(producedAt).toISOString()} is in the future`,
    );
  }
}
