import { GatewayError } from '../../errors.js';

/** A JPKI signature carries the signer and perhaps its CA; a few spare ones are tolerated. */
export const MAX_CMS_CERTIFICATES = 16;

// Architecture "size limits": parsing is linear in the certificates carried, so their number is bounded.
export function checkCertificateCount(certificates: readonly Uint8Array[]): void {
  if (certificates.length > MAX_CMS_CERTIFICATES) {
    throw new GatewayError('ERR_INPUT_TOO_LARGE', `${certificates.length} certificates in the CMS`);
  }
}
