/**
 * OCSP response writer (RFC 6960 §4.2.1, ASN.1 module B.1, EXPLICIT tags) for the sandbox
 * responder and for hostile test vectors: it encodes exactly what it is told — any status,
 * ResponderID, number of SingleResponses, extensions, signer and certs — so each rejection
 * of the client has a vector. Never used on the production verification path.
 */
import type { KeyObject } from 'node:crypto';
import { bitString, concat, explicit, generalizedTime, octetString, oid, seq, tlv } from '../pki/der-write.js';
import { OCSP_OID } from '../revocation/ocsp/ocsp-oids.js';
import { nonceExtension } from '../revocation/ocsp/build-ocsp-request.js';
import { REASON_CODES, type ReasonName } from '../revocation/crl/reasons.js';
import {
  encodeExtension,
  signWith,
  signatureAlgorithmIdentifier,
  type ExtensionSpec,
  type SignatureAlgorithmName,
} from './certificate-builder.js';

/** RFC 6960 §4.2.1 OCSPResponseStatus values. */
export const OCSP_RESPONSE_STATUS = {
  successful: 0,
  malformedRequest: 1,
  internalError: 2,
  tryLater: 3,
  sigRequired: 5,
  unauthorized: 6,
} as const;

export type SandboxCertStatus =
  | { readonly kind: 'good' }
  /** reason: a name, a raw ENUMERATED value (hostile vectors), or absent. */
  | { readonly kind: 'revoked'; readonly revokedAt: Date; readonly reason?: ReasonName | number }
  | { readonly kind: 'unknown' };

export interface SingleResponseSpec {
  /** DER of the CertID (usually the request's, echoed verbatim). */
  readonly certId: Uint8Array;
  readonly status: SandboxCertStatus;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  readonly extensions?: readonly ExtensionSpec[];
}

export interface OcspResponseSpec {
  readonly responderId: { readonly byName: Uint8Array } | { readonly byKey: Uint8Array };
  readonly producedAt: Date;
  readonly responses: readonly SingleResponseSpec[];
  /** Echoed as the nonce extension (RFC 8954), before `extensions`. */
  readonly nonce?: Uint8Array;
  readonly extensions?: readonly ExtensionSpec[];
  readonly signerKey: KeyObject;
  readonly signatureAlgorithm?: SignatureAlgorithmName;
  /** DER certificates for the `certs` field (a delegated responder's certificate). */
  readonly certs?: readonly Uint8Array[];
  /** Flip one bit of the signature value. */
  readonly corruptSignature?: boolean;
  /** responseType OID; default id-pkix-ocsp-basic. */
  readonly responseType?: string;
  /** Written as ResponseData.version [0] when set (DER omits the DEFAULT v1). */
  readonly version?: number;
}

function encodeStatus(s: SandboxCertStatus): Uint8Array {
  if (s.kind === 'good') return Uint8Array.of(0x80, 0x00); // [0] IMPLICIT NULL
  if (s.kind === 'unknown') return Uint8Array.of(0x82, 0x00); // [2] IMPLICIT NULL
  const code = typeof s.reason === 'number' ? s.reason : s.reason === undefined ? undefined : REASON_CODES[s.reason];
  const reason = code === undefined || s.reason === 'unspecified' ? [] : [explicit(0, tlv(0x0a, Uint8Array.of(code)))];
  return tlv(0xa1, concat(generalizedTime(s.revokedAt), ...reason)); // [1] IMPLICIT RevokedInfo
}

function extensions(list: readonly ExtensionSpec[], tag: number): Uint8Array[] {
  return list.length ? [explicit(tag, seq(...list.map(encodeExtension)))] : [];
}

export function encodeSingleResponse(r: SingleResponseSpec): Uint8Array {
  return seq(
    r.certId,
    encodeStatus(r.status),
    generalizedTime(r.thisUpdate),
    ...(r.nextUpdate ? [explicit(0, generalizedTime(r.nextUpdate))] : []),
    ...extensions(r.extensions ?? [], 1),
  );
}

/** A signed BasicOCSPResponse (the `response` OCTET STRING contents). */
export function buildBasicOcspResponse(spec: OcspResponseSpec): Uint8Array {
  const id =
    'byName' in spec.responderId
      ? explicit(1, spec.responderId.byName)
      : explicit(2, octetString(spec.responderId.byKey));
  const respExts = spec.nonce ? [nonceExtension(spec.nonce)] : [];
  const tbs = seq(
    ...(spec.version !== undefined ? [explicit(0, tlv(0x02, Uint8Array.of(spec.version)))] : []),
    id,
    generalizedTime(spec.producedAt),
    seq(...spec.responses.map(encodeSingleResponse)),
    ...(respExts.length || spec.extensions?.length
      ? [explicit(1, seq(...respExts, ...(spec.extensions ?? []).map(encodeExtension)))]
      : []),
  );
  const alg = spec.signatureAlgorithm ?? 'sha256WithRSA';
  const signature = signWith(alg, spec.signerKey, tbs);
  if (spec.corruptSignature) signature[signature.length - 1]! ^= 0x01;
  return seq(
    tbs,
    signatureAlgorithmIdentifier(alg),
    bitString(signature),
    ...(spec.certs?.length ? [explicit(0, seq(...spec.certs))] : []),
  );
}

/** OCSPResponse with a successful status around a signed BasicOCSPResponse. */
export function buildOcspResponse(spec: OcspResponseSpec): Uint8Array {
  const basic = buildBasicOcspResponse(spec);
  return seq(
    tlv(0x0a, Uint8Array.of(0)),
    explicit(0, seq(oid(spec.responseType ?? OCSP_OID.basic), octetString(basic))),
  );
}

/** OCSPResponse without responseBytes: any non-successful status (RFC 6960 §4.2.1). */
export function buildOcspErrorResponse(status: number): Uint8Array {
  return seq(tlv(0x0a, Uint8Array.of(status)));
}
