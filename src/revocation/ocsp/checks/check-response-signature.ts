import { GatewayError } from '../../../errors.js';
import { parseSignatureAlgorithm } from '../../../pki/algorithms.js';
import type { Certificate } from '../../../pki/certificate.js';
import { parseDer } from '../../../pki/der.js';
import { checkKeyMatchesAlgorithm, verifyWith } from '../../../pki/public-key.js';
import type { UnverifiedBasicResponse } from '../types.js';

// RFC 6960 §3.2 (2), §4.2.1: the signature over tbsResponseData verifies with the signer's key,
// using an algorithm of our allow-list (a disallowed one makes the response unusable).
export function checkResponseSignature(basic: UnverifiedBasicResponse, signer: Certificate): void {
  let ok: boolean;
  try {
    const algDer = basic.signatureAlgorithmDer;
    const alg = parseSignatureAlgorithm(algDer, parseDer(algDer, 8));
    const key = signer.publicKey();
    checkKeyMatchesAlgorithm(key, alg);
    ok = verifyWith(alg, key.key, basic.tbs, basic.signature);
  } catch (e) {
    if (!(e instanceof GatewayError)) throw e;
    throw new GatewayError('ERR_OCSP_SIGNATURE_INVALID', `${e.code}${e.detail ? `: ${e.detail}` : ''}`, { cause: e });
  }
  if (!ok) throw new GatewayError('ERR_OCSP_SIGNATURE_INVALID');
}
