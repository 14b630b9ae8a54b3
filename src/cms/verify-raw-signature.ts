/**
 * Raw mode: a bare signature value + certificate + digest, as returned by the Digital
 * Agency's app and by card readers that sign a hash (jpki-reference §7). RSA keys: PKCS#1
 * v1.5 over DigestInfo(digest); EC keys: ECDSA over the digest, DER or IEEE P1363 encoded.
 */
import { GatewayError, isGatewayError } from '../errors.js';
import type { HashName, SignatureAlgorithm } from '../pki/algorithms.js';
import { parseCertificate, type Certificate } from '../pki/certificate.js';
import { OID } from '../pki/oids.js';
import { checkRawDigest } from './checks/raw-digest.js';
import { verifyPrehashed } from './verify-prehashed.js';

export interface VerifyRawSignatureInput {
  readonly unverifiedSignatureValue: Uint8Array;
  /** DER X.509 certificate of the signer. */
  readonly unverifiedCertificate: Uint8Array;
  readonly digest: Uint8Array;
  readonly digestAlgorithm: HashName;
}

export interface VerifiedRawSignature {
  readonly signerCertificate: Certificate;
  readonly digestAlgorithm: HashName;
  readonly signatureAlgorithm: SignatureAlgorithm;
}

/** The largest signature value we look at (RSA-8192 = 1024 bytes; ECDSA far less). */
export const MAX_RAW_SIGNATURE_BYTES = 1024;

const RSA_OID: Record<HashName, string> = {
  'SHA-256': OID.sha256WithRSA,
  'SHA-384': OID.sha384WithRSA,
  'SHA-512': OID.sha512WithRSA,
};
const EC_OID: Record<HashName, string> = {
  'SHA-256': OID.ecdsaWithSHA256,
  'SHA-384': OID.ecdsaWithSHA384,
  'SHA-512': OID.ecdsaWithSHA512,
};

/** Throws GatewayError (or TypeError for a caller bug); returns only when the signature verifies. */
export function verifyRawSignature(input: VerifyRawSignatureInput): VerifiedRawSignature {
  for (const k of ['unverifiedSignatureValue', 'unverifiedCertificate', 'digest'] as const) {
    if (!(input[k] instanceof Uint8Array)) throw new TypeError(`verifyRawSignature: ${k} must be a Uint8Array`);
  }
  try {
    const digestAlgorithm = checkRawDigest(input.digestAlgorithm, input.digest);
    if (input.unverifiedSignatureValue.length > MAX_RAW_SIGNATURE_BYTES) {
      throw new GatewayError('ERR_INPUT_TOO_LARGE', 'signature value');
    }
    const signerCertificate = parseCertificate(input.unverifiedCertificate);
    const key = signerCertificate.publicKey(); // RSA < 2048 → ERR_KEY_TOO_WEAK
    // RFC 8017 §8.2.2 / FIPS 186-5 §6.4.2: the signature verifies over the given digest.
    if (!verifyPrehashed(key, digestAlgorithm, input.digest, input.unverifiedSignatureValue)) {
      throw new GatewayError('ERR_SIGNATURE_INVALID');
    }
    const signatureAlgorithm: SignatureAlgorithm =
      key.kind === 'rsa'
        ? { kind: 'rsa-pkcs1', hash: digestAlgorithm, oid: RSA_OID[digestAlgorithm] }
        : { kind: 'ecdsa', hash: digestAlgorithm, oid: EC_OID[digestAlgorithm] };
    return { signerCertificate, digestAlgorithm, signatureAlgorithm };
  } catch (e) {
    if (isGatewayError(e)) throw e;
    throw new GatewayError('ERR_INTERNAL', `raw signature: ${(e as Error)?.message}`, { cause: e });
  }
}
