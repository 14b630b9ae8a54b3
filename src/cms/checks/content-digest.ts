import { GatewayError } from '../../errors.js';
import { bytesEqual } from '../../pki/der-values.js';

// RFC 5652 §5.4, §11.2: the message-digest attribute equals the digest of the content.
export function checkContentDigest(signedDigest: Uint8Array, contentDigest: Uint8Array): void {
  if (!bytesEqual(signedDigest, contentDigest)) throw new GatewayError('ERR_HASH_MISMATCH');
}
