/** DigestInfo (RFC 8017 §9.2 note 1): what an RSA PKCS#1 v1.5 signer — a JPKI card — signs. */
import { HASH_LENGTH, type HashName } from '../pki/algorithms.js';

const PREFIX: Record<HashName, Uint8Array> = {
  'SHA-256': Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  'SHA-384': Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  'SHA-512': Buffer.from('3051300d060960864801650304020305000440', 'hex'),
};

/** DER DigestInfo { AlgorithmIdentifier { hash, NULL }, OCTET STRING digest }. */
export function encodeDigestInfo(hash: HashName, digest: Uint8Array): Uint8Array {
  if (digest.length !== HASH_LENGTH[hash]) throw new TypeError(`${hash} digest must be ${HASH_LENGTH[hash]} bytes`);
  const prefix = PREFIX[hash];
  const out = new Uint8Array(prefix.length + digest.length);
  out.set(prefix);
  out.set(digest, prefix.length);
  return out;
}
