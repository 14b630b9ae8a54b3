/**
 * buildOcspRequest: an unsigned OCSPRequest (RFC 6960 §4.1.1) for one certificate, with a
 * nonce extension (RFC 8954 §2.1: 32 random octets) unless the responder is configured
 * without one. Written with our DER writer: the bytes are exactly what we say.
 */
import { randomBytes } from 'node:crypto';
import type { Certificate } from '../../pki/certificate.js';
import { explicit, octetString, oid, seq } from '../../pki/der-write.js';
import { computeCertId, encodeCertId } from './cert-id.js';
import { OCSP_OID } from './ocsp-oids.js';
import type { CertIdHash, OcspRequestContext } from './types.js';

/** RFC 8954 §2.1: clients SHOULD send 32 octets; responders may refuse longer. */
export const NONCE_LENGTH = 32;

export interface BuildOcspRequestOptions {
  /** Default 'SHA-256'; 'SHA-1' for responders that only match SHA-1 CertIDs. */
  readonly certIdHash?: CertIdHash;
  /** true (default): 32 random octets; false: no nonce; bytes (1–32): this nonce (tests). */
  readonly nonce?: boolean | Uint8Array;
}

export interface BuiltOcspRequest {
  readonly der: Uint8Array;
  /** What the response must match: CertID and nonce. */
  readonly context: OcspRequestContext;
}

export function buildOcspRequest(
  cert: Certificate,
  issuer: Certificate,
  options: BuildOcspRequestOptions = {},
): BuiltOcspRequest {
  const certId = computeCertId(cert, issuer, options.certIdHash ?? 'SHA-256');
  const nonce = pickNonce(options.nonce ?? true);
  // Request ::= SEQUENCE { reqCert CertID }; TBSRequest ::= SEQUENCE { requestList, [2] requestExtensions }
  const requestList = seq(seq(encodeCertId(certId)));
  const extensions = nonce ? [explicit(2, seq(nonceExtension(nonce)))] : [];
  const der = seq(seq(requestList, ...extensions));
  return { der, context: { certId, nonce } };
}

/** Extension { id-pkix-ocsp-nonce, extnValue OCTET STRING { Nonce ::= OCTET STRING } } (RFC 8954 §2.1). */
export function nonceExtension(nonce: Uint8Array): Uint8Array {
  return seq(oid(OCSP_OID.nonce), octetString(octetString(nonce)));
}

function pickNonce(option: boolean | Uint8Array): Uint8Array | undefined {
  if (option === false) return undefined;
  if (option === true) return new Uint8Array(randomBytes(NONCE_LENGTH));
  if (!(option instanceof Uint8Array) || option.length < 1 || option.length > NONCE_LENGTH) {
    throw new TypeError(`nonce must be a boolean or 1–${NONCE_LENGTH} bytes`);
  }
  return option;
}
