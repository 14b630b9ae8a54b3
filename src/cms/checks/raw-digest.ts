import { GatewayError } from '../../errors.js';
import { HASH_LENGTH, type HashName } from '../../pki/algorithms.js';

// RFC 5754 §2 allow-list, and the digest must have its algorithm's length (a shorter or
// longer value would be signed as something else: RFC 8017 §9.2 DigestInfo).
export function checkRawDigest(digestAlgorithm: string, digest: Uint8Array): HashName {
  if (!Object.hasOwn(HASH_LENGTH, digestAlgorithm)) {
    throw new GatewayError('ERR_ALG_NOT_ALLOWED', `digest algorithm ${digestAlgorithm}`);
  }
  const hash = digestAlgorithm as HashName;
  if (digest.length !== HASH_LENGTH[hash]) {
    throw new GatewayError('ERR_RAW_DIGEST_LENGTH', `${digest.length} bytes for ${hash}`);
  }
  return hash;
}
