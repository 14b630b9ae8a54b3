/**
 * checkCertificateStatus (POST /v1/certificates/status, 現況確認 on demand): re-validates a
 * stored certificate NOW with the deployment's verifier — path, validity and revocation per
 * the configured policy (CRL partitions / OCSP) — and says in one word what an RP acts on.
 */
import type { Clock } from '../clock.js';
import type { Profile, ValidationReport } from '../report/types.js';
import type { Verifier } from '../verifier/types.js';

export type CertificateStatus = 'valid' | 'revoked' | 'expired' | 'unknown' | 'invalid';

export interface CertificateStatusRequest {
  /** base64 DER */
  readonly certificate: string;
  readonly intermediates?: readonly string[];
  readonly profile?: Profile;
}

export interface CertificateStatusResult {
  readonly status: CertificateStatus;
  readonly checkedAt: string;
  readonly reason?: string;
  readonly reasonMeaning?: string;
  readonly revokedAt?: string;
  readonly report: ValidationReport;
}

const b = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

function statusOf(r: ValidationReport): CertificateStatus {
  if (r.indication === 'TOTAL_PASSED') return 'valid';
  if (r.subIndication === 'REVOKED' || r.subIndication === 'REVOKED_NO_POE') return 'revoked';
  if (r.subIndication === 'EXPIRED') return 'expired';
  // TRY_LATER: no usable revocation information right now — fail closed, never "valid".
  if (r.subIndication === 'TRY_LATER') return 'unknown';
  return 'invalid';
}

export async function checkCertificateStatus(
  verifier: Pick<Verifier, 'verifyCertificate'>,
  clock: Clock,
  req: CertificateStatusRequest,
): Promise<CertificateStatusResult> {
  const at = clock.now();
  const report = await verifier.verifyCertificate({
    certificate: b(req.certificate),
    ...(req.intermediates ? { intermediates: req.intermediates.map(b) } : {}),
    ...(req.profile ? { profile: req.profile } : {}),
    at,
  });
  const rev = report.revocation;
  return {
    status: statusOf(report),
    checkedAt: at.toISOString(),
    ...(rev.status === 'revoked'
      ? {
          ...(rev.reason ? { reason: rev.reason } : {}),
          ...(rev.reasonMeaning ? { reasonMeaning: rev.reasonMeaning } : {}),
          ...(rev.revokedAt ? { revokedAt: rev.revokedAt } : {}),
        }
      : {}),
    report,
  };
}
