/**
 * Which certificate-check outcomes let two-step signing go on. The question at data-to-sign is
 * "is this the right KIND of certificate" (JPKI signing, chains to our trust, well-formed);
 * whether it is still valid — revoked, expired, revocation unavailable — is decided on the
 * signature with a full report, so the session ends with a result the RP can act on.
 */
import type { SubIndication } from '../report/sub-indication.js';
import type { ValidationReport } from '../report/types.js';

const DECIDED_AT_SIGNATURE: ReadonlySet<SubIndication | null> = new Set<SubIndication | null>([
  null,
  'REVOKED',
  'REVOKED_NO_POE',
  'EXPIRED',
  'NOT_YET_VALID',
  'TRY_LATER',
]);

export function acceptableForSigning(report: ValidationReport): boolean {
  return DECIDED_AT_SIGNATURE.has(report.subIndication);
}
