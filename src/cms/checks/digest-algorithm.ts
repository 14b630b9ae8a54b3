import { GatewayError } from '../../errors.js';
import { parseDigestAlgorithm, type HashName } from '../../pki/algorithms.js';
import { OID } from '../../pki/oids.js';
import type { UnverifiedSignedData, UnverifiedSignerInfo } from '../types.js';

const HASH_OID: Record<HashName, string> = { 'SHA-256': OID.sha256, 'SHA-384': OID.sha384, 'SHA-512': OID.sha512 };

// RFC 5754 §2 allow-list (SHA-2; SHA-1/MD5 refused) and RFC 5652 §5.1: the signer's
// digestAlgorithm must be announced in SignedData.digestAlgorithms.
export function checkDigestAlgorithm(sd: UnverifiedSignedData, si: UnverifiedSignerInfo): HashName {
  const hash = parseDigestAlgorithm(sd.buf, si.digestAlgorithm);
  if (!sd.digestAlgorithmOids.includes(HASH_OID[hash])) {
    throw new GatewayError('ERR_CMS_DIGEST_ALG_MISMATCH', `${hash} not in digestAlgorithms`);
  }
  return hash;
}
