import { GatewayError } from '../../errors.js';
import { parseSignatureAlgorithm, type HashName, type SignatureAlgorithm } from '../../pki/algorithms.js';
import type { Certificate } from '../../pki/certificate.js';
import { TAG, cursor } from '../../pki/der.js';
import { readNull, readOid } from '../../pki/der-values.js';
import { OID } from '../../pki/oids.js';
import { checkKeyMatchesAlgorithm } from '../../pki/public-key.js';
import type { UnverifiedSignerInfo } from '../types.js';

const RSA_WITH: Record<HashName, string> = {
  'SHA-256': OID.sha256WithRSA,
  'SHA-384': OID.sha384WithRSA,
  'SHA-512': OID.sha512WithRSA,
};

// RFC 3370 §3.2 / RFC 5754 §3: rsaEncryption names the key and takes the hash from
// digestAlgorithm; a *WithRSA, RSASSA-PSS (RFC 4056 §3) or ECDSA (RFC 5753 §2.1.1)
// identifier must use that same hash. The key must fit and be strong enough (RFC 8603 §3).
export function checkSignatureAlgorithm(
  buf: Uint8Array,
  si: UnverifiedSignerInfo,
  digest: HashName,
  signer: Certificate,
): SignatureAlgorithm {
  const alg = readSignatureAlgorithm(buf, si, digest);
  if (alg.hash !== digest) {
    throw new GatewayError('ERR_ALG_NOT_ALLOWED', `signature hash ${alg.hash} differs from digestAlgorithm ${digest}`);
  }
  checkKeyMatchesAlgorithm(signer.publicKey(), alg); // publicKey() refuses RSA < 2048 with ERR_KEY_TOO_WEAK
  return alg;
}

function readSignatureAlgorithm(buf: Uint8Array, si: UnverifiedSignerInfo, digest: HashName): SignatureAlgorithm {
  const c = cursor(buf, si.signatureAlgorithm, 'SignatureAlgorithmIdentifier');
  if (readOid(buf, c.next(TAG.OID)) !== OID.rsaEncryption) return parseSignatureAlgorithm(buf, si.signatureAlgorithm);
  if (!c.done) readNull(buf, c.next()); // RFC 3370 §3.2: NULL; absent tolerated as in algorithms.ts
  c.end();
  // Reported as the equivalent *WithRSA identifier, so later checks see one name per algorithm.
  return { kind: 'rsa-pkcs1', hash: digest, oid: RSA_WITH[digest] };
}
