/**
 * Verification of one certificate's signature by one issuer key, with a bounded cache of
 * successes. Caching is sound because the answer is a pure function of the certificate
 * bytes (which fix TBS, algorithm and signature value) and the issuer's SPKI bytes; the key
 * is the sha256 of both, never a key identifier an attacker can copy.
 */
import { toHex } from '../pki/der-values.js';
import type { Certificate } from '../pki/certificate.js';
import { checkKeyMatchesAlgorithm, verifyWith, type PublicKeyInfo } from '../pki/public-key.js';
import { GatewayError } from '../errors.js';
import { FifoCache } from '../pki/fifo-cache.js';

export const SIGNATURE_CACHE_LIMIT = 8192;

const verified = new FifoCache<true>(SIGNATURE_CACHE_LIMIT);

/**
 * RFC 5280 §6.1.3 (a)(1): the certificate signature verifies with the issuer's key.
 * Throws ERR_CERT_SIGNATURE_INVALID, or ERR_ALG_NOT_ALLOWED when key type and algorithm differ.
 */
export function verifyCertificateSignature(
  certificate: Certificate,
  issuerKey: PublicKeyInfo,
  issuerKeyHash: string,
): void {
  const key = `${toHex(certificate.sha256())}:${issuerKeyHash}`;
  if (verified.get(key)) return;
  checkKeyMatchesAlgorithm(issuerKey, certificate.signatureAlgorithm);
  if (!verifyWith(certificate.signatureAlgorithm, issuerKey.key, certificate.tbs, certificate.signatureValue)) {
    throw new GatewayError('ERR_CERT_SIGNATURE_INVALID');
  }
  verified.set(key, true);
}

/** Test hook: the number of cached successes. */
export function signatureCacheSize(): number {
  return verified.size;
}

export function clearSignatureCache(): void {
  verified.clear();
}
