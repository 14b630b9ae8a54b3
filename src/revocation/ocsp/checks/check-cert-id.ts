import { GatewayError } from '../../../errors.js';
import { certIdDifference } from '../cert-id.js';
import type { CertId, UnverifiedSingleResponse } from '../types.js';

// RFC 6960 §3.2 (1): the certificate identified in the response is the one in the request.
export function checkCertId(single: UnverifiedSingleResponse, requested: CertId): void {
  const diff = certIdDifference(requested, single.certId);
  if (diff) throw new GatewayError('ERR_OCSP_CERT_ID_MISMATCH', `CertID differs: ${diff}`);
}
