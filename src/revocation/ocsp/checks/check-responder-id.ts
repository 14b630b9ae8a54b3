import { GatewayError } from '../../../errors.js';
import type { Certificate } from '../../../pki/certificate.js';
import { bytesEqual } from '../../../pki/der-values.js';
import { namesEqual } from '../../../pki/name.js';
import { keyHashSha1 } from '../cert-id.js';
import type { ResponderId } from '../types.js';

export type OcspSigner =
  | { readonly kind: 'issuer'; readonly certificate: Certificate }
  | { readonly kind: 'delegated'; readonly certificate: Certificate };

function identifies(id: ResponderId, cert: Certificate): boolean {
  return id.kind === 'key' ? bytesEqual(id.keyHash, keyHashSha1(cert)) : namesEqual(id.name, cert.subject);
}

// RFC 6960 §4.2.2.3: the ResponderID (byName or byKey) names the signer — the issuing CA itself
// (§4.2.2.2 case 1) or a responder certificate we hold (the certs field or the pinned one).
// The issuer is tried first: a delegate named like its CA is still checked as a delegate only
// when it is not the CA's own key.
export function checkResponderId(id: ResponderId, issuer: Certificate, candidates: readonly Certificate[]): OcspSigner {
  if (identifies(id, issuer)) return { kind: 'issuer', certificate: issuer };
  const found = candidates.find((c) => identifies(id, c));
  if (!found) {
    throw new GatewayError(
      'ERR_OCSP_RESPONDER_UNAUTHORIZED',
      `ResponderID (${id.kind === 'key' ? 'byKey' : 'byName'}) names neither the issuer nor an included certificate`,
    );
  }
  return { kind: 'delegated', certificate: found };
}
