/**
 * The OCSP checker a verifier's options describe. One checker per verifier (or per process,
 * shared by a verifier pool's workers through the main thread) so that its answer cache and
 * in-flight de-duplication cover every verification: J-LIS charges per query.
 */
import type { Clock } from '../clock.js';
import { createOcspChecker, type OcspChecker } from '../revocation/ocsp/index.js';
import type { VerifierOptions } from './types.js';

export function createVerifierOcspChecker(options: VerifierOptions, clock: Clock): OcspChecker {
  return createOcspChecker({
    clock,
    // ocspUrl replaces the AIA: it fills every responder entry without its own URL.
    responders: [
      ...(options.ocspResponders ?? []).map((r) => (r.url || !options.ocspUrl ? r : { ...r, url: options.ocspUrl })),
      ...(options.ocspUrl ? [{ url: options.ocspUrl }] : []),
    ],
    ...(options.ocspMaxAgeMs !== undefined ? { maxAgeMs: options.ocspMaxAgeMs } : {}),
    ...(options.clockSkewMs !== undefined ? { skewMs: options.clockSkewMs } : {}),
  });
}
