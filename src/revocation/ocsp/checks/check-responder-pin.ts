import { GatewayError } from '../../../errors.js';
import type { Certificate } from '../../../pki/certificate.js';
import { bytesEqual } from '../../../pki/der-values.js';
import type { OcspSigner } from './check-responder-id.js';

// Issue 4 §1 / web-eid designated responder: when a responder certificate is pinned, the
// response is signed by exactly that certificate (SHA-256 of its DER) — not even by the CA.
export function checkResponderPin(signer: OcspSigner, pinned: Certificate | undefined): void {
  if (!pinned) return;
  if (signer.kind !== 'delegated' || !bytesEqual(signer.certificate.sha256(), pinned.sha256())) {
    throw new GatewayError(
      'ERR_OCSP_RESPONDER_UNAUTHORIZED',
      signer.kind === 'issuer' ? 'signed by the CA, not the pinned responder' : 'not the pinned responder certificate',
    );
  }
}
