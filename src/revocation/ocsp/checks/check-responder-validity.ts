import { GatewayError } from '../../../errors.js';
import type { Certificate } from '../../../pki/certificate.js';

// RFC 5280 §6.1.3 (a)(2) applied to the responder (RFC 6960 §3.2 (2)): valid when we rely on it.
export function checkResponderValidity(responder: Certificate, now: number): void {
  if (now < responder.notBefore || now > responder.notAfter) {
    throw new GatewayError(
      'ERR_OCSP_RESPONDER_UNAUTHORIZED',
      `responder certificate valid ${new Date(responder.notBefore).toISOString()}–${new Date(responder.notAfter).toISOString()}`,
    );
  }
}
