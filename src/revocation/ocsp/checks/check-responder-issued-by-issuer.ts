import { GatewayError } from '../../../errors.js';
import type { Certificate } from '../../../pki/certificate.js';
import { namesEqual } from '../../../pki/name.js';
import { verifyWith } from '../../../pki/public-key.js';

// RFC 6960 §4.2.2.2 case 3: the responder certificate is issued directly by the CA that issued
// the certificate in question — its issuer name is the CA's subject and the CA's key signed it.
export function checkResponderIssuedByIssuer(responder: Certificate, issuer: Certificate): void {
  if (!namesEqual(responder.issuer, issuer.subject)) {
    throw new GatewayError('ERR_OCSP_RESPONDER_UNAUTHORIZED', 'responder certificate issued by another CA (name)');
  }
  const key = issuer.publicKey();
  const alg = responder.signatureAlgorithm;
  if (
    (alg.kind === 'ecdsa') !== (key.kind === 'ec') ||
    !verifyWith(alg, key.key, responder.tbs, responder.signatureValue)
  ) {
    throw new GatewayError('ERR_OCSP_RESPONDER_UNAUTHORIZED', 'responder certificate not signed by the issuer key');
  }
}
