import { GatewayError } from '../../../errors.js';
import { keyUsageAllows, type Certificate } from '../../../pki/certificate.js';
import { KEY_USAGE_BITS } from '../../../pki/extensions.js';

// RFC 5280 §4.2.1.3: when keyUsage is present, signing an OCSP response needs digitalSignature.
export function checkResponderKeyUsage(responder: Certificate): void {
  if (!keyUsageAllows(responder, KEY_USAGE_BITS.digitalSignature)) {
    throw new GatewayError('ERR_OCSP_RESPONDER_UNAUTHORIZED', 'responder keyUsage lacks digitalSignature');
  }
}
