/**
 * Whether a verified CRL may answer for time `at` (RFC 5280 §5.1.2.4, §5.1.2.5, §6.3.3 (a)).
 * The grace after nextUpdate exists because J-LIS keeps serving the previous day's CRL for a
 * few minutes at refresh (jpki-reference §5); it is set once at ingestion (maxAgeGraceMs).
 */
import { GatewayError } from '../../errors.js';

export interface CrlValidity {
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  readonly freshnessGraceMs: number;
}

export function checkCrlFreshness(crl: CrlValidity, at: Date): void {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new TypeError('checkCrlFreshness: invalid time');
  if (t < crl.thisUpdate.getTime()) {
    throw new GatewayError(
      'ERR_CRL_NOT_YET_VALID',
      `thisUpdate ${crl.thisUpdate.toISOString()} is after ${at.toISOString()}`,
    );
  }
  if (t > crl.nextUpdate.getTime() + crl.freshnessGraceMs) {
    throw new GatewayError('ERR_CRL_STALE', `nextUpdate ${crl.nextUpdate.toISOString()} is before ${at.toISOString()}`);
  }
}
