import { GatewayError } from '../../../errors.js';
import type { Certificate } from '../../../pki/certificate.js';
import { OID } from '../../../pki/oids.js';

// RFC 6960 §4.2.2.2: a delegated responder certificate includes id-kp-OCSPSigning in its
// extendedKeyUsage (anyExtendedKeyUsage does not authorize OCSP signing).
export function checkResponderEku(responder: Certificate): void {
  if (!responder.extKeyUsage?.includes(OID.kpOcspSigning)) {
    throw new GatewayError('ERR_OCSP_RESPONDER_UNAUTHORIZED', 'responder certificate lacks id-kp-OCSPSigning');
  }
}
