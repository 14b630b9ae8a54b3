import { GatewayError } from '../../../errors.js';
import { REASON_NAMES, type ReasonName } from '../../crl/reasons.js';
import type { UnverifiedCertStatus } from '../types.js';

export type DecidedStatus =
  { readonly status: 'good' } | { readonly status: 'revoked'; readonly revokedAt: Date; readonly reason: ReasonName };

// RFC 6960 §2.2: good or revoked (with the CRLReason of RFC 5280 §5.3.1, absent = unspecified);
// `unknown` is not valid (jpki-reference §5: fail closed).
export function checkCertStatus(status: UnverifiedCertStatus): DecidedStatus {
  if (status.kind === 'good') return { status: 'good' };
  if (status.kind === 'unknown') throw new GatewayError('ERR_OCSP_UNKNOWN');
  const code = status.reasonCode;
  const reason = code === undefined ? 'unspecified' : REASON_NAMES[code];
  // removeFromCRL (8) un-revokes in delta CRLs; as a revocation reason it is a contradiction.
  if (!reason || reason === 'removeFromCRL') {
    throw new GatewayError('ERR_OCSP_MALFORMED', `revocationReason ${code}`);
  }
  return { status: 'revoked', revokedAt: new Date(status.revokedAt), reason };
}
