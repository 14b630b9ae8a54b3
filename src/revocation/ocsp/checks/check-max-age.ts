import { GatewayError } from '../../../errors.js';

// RFC 6960 §3.2 (4) "sufficiently recent", made a number (issue 4 §4, §5 policy): the status was
// established at most maxAgeMs before both now and the validation time.
export function checkMaxAge(thisUpdate: number, now: number, at: number, maxAgeMs: number): void {
  const age = Math.max(now, at) - thisUpdate;
  if (age > maxAgeMs) {
    throw new GatewayError(
      'ERR_OCSP_STALE',
      `thisUpdate is ${Math.round(age / 1000)} s old, allowed ${Math.round(maxAgeMs / 1000)} s`,
    );
  }
}
