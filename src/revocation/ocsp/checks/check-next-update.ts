import { GatewayError } from '../../../errors.js';

// RFC 6960 §3.2 (5), §4.2.2.1: when nextUpdate is set it is not in the past (beyond the skew);
// a nextUpdate before thisUpdate is nonsense and equally unusable.
export function checkNextUpdate(thisUpdate: number, nextUpdate: number | undefined, now: number, skewMs: number): void {
  if (nextUpdate === undefined) return;
  if (nextUpdate < thisUpdate) throw new GatewayError('ERR_OCSP_MALFORMED', 'nextUpdate before thisUpdate');
  if (nextUpdate < now - skewMs) {
    throw new GatewayError('ERR_OCSP_STALE', `nextUpdate ${new Date(nextUpdate).toISOString()} has passed`);
  }
}
