/** Shapes shared by the OCSP client, its checks and the checker (RFC 6960). */
import type { Certificate, Name } from '../../pki/certificate.js';
import type { ReasonName } from '../crl/reasons.js';
import type { GatewayError } from '../../errors.js';

/** Hash of the CertID (RFC 6960 §4.1.1). SHA-1 only for responders that need it. */
export type CertIdHash = 'SHA-256' | 'SHA-1';

/** CertID (RFC 6960 §4.1.1) as we compute it or read it from a response. */
export interface CertId {
  /** hashAlgorithm OID (parameters NULL or absent). */
  readonly hashOid: string;
  readonly issuerNameHash: Uint8Array;
  readonly issuerKeyHash: Uint8Array;
  /** INTEGER content bytes of the serial number. */
  readonly serial: Uint8Array;
}

export interface OcspRequestContext {
  readonly certId: CertId;
  /** The nonce's OCTET STRING contents as sent, or undefined when no nonce was sent. */
  readonly nonce: Uint8Array | undefined;
}

export interface OcspExtension {
  readonly oid: string;
  readonly critical: boolean;
  readonly value: Uint8Array;
}

export type ResponderId =
  { readonly kind: 'name'; readonly name: Name } | { readonly kind: 'key'; readonly keyHash: Uint8Array };

export type UnverifiedCertStatus =
  | { readonly kind: 'good' }
  | { readonly kind: 'revoked'; readonly revokedAt: number; readonly reasonCode: number | undefined }
  | { readonly kind: 'unknown' };

export interface UnverifiedSingleResponse {
  readonly certId: CertId;
  readonly status: UnverifiedCertStatus;
  readonly thisUpdate: number;
  readonly nextUpdate: number | undefined;
  readonly extensions: readonly OcspExtension[];
}

/** BasicOCSPResponse (RFC 6960 §4.2.1), structurally parsed, nothing verified yet. */
export interface UnverifiedBasicResponse {
  readonly der: Uint8Array;
  readonly tbs: Uint8Array;
  readonly responderId: ResponderId;
  readonly producedAt: number;
  readonly responses: readonly UnverifiedSingleResponse[];
  readonly extensions: readonly OcspExtension[];
  /** DER of the AlgorithmIdentifier, parsed against the allow-list by the signature check. */
  readonly signatureAlgorithmDer: Uint8Array;
  readonly signature: Uint8Array;
  readonly certs: readonly Certificate[];
}

/** Who signed a verified response (RFC 6960 §4.2.2.2). */
export interface OcspResponderFacts {
  readonly kind: 'issuer' | 'delegated';
  /** SHA-256 (hex) of the delegated responder certificate. */
  readonly certificateSha256?: string;
  /**
   * The delegated certificate carries id-pkix-ocsp-nocheck (§4.2.2.2.1). Without it, RFC 6960
   * asks clients to check the responder's own revocation; we do not (that would recurse), and
   * say so here so the report can warn.
   */
  readonly noCheck?: boolean;
}

interface VerifiedCommon {
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | undefined;
  readonly producedAt: Date;
  readonly responder: OcspResponderFacts;
  /** The OCSPResponse bytes as received: evidence (the evidence store keeps them). */
  readonly responseDer: Uint8Array;
}

export type VerifiedOcspResponse =
  | (VerifiedCommon & { readonly status: 'good' })
  | (VerifiedCommon & { readonly status: 'revoked'; readonly revokedAt: Date; readonly reason: ReasonName });

/** What the checker adds: where the answer came from and whether it was cached. */
interface CheckFacts {
  readonly url: string;
  readonly fromCache: boolean;
}

export type OcspResult =
  | (VerifiedOcspResponse & CheckFacts)
  | { readonly status: 'error'; readonly error: GatewayError; readonly url: string | undefined };
