/**
 * verifyOcspResponse: the checks of RFC 6960 §3.2 and §4.2.2 (plus the web-eid rules: exactly
 * one SingleResponse, nonce echoed, `unknown` not valid) over a response to one request, in a
 * fixed order: structure → status → who signed and whether they may → signature → what it says
 * → when → the answer. Returns the verified answer or throws one ERR_OCSP_* GatewayError.
 *
 * Times: `now` (the clock) decides freshness, because OCSP states the status when it was
 * produced; `at` (the validation time) only tightens the maximum age. Whether a revocation
 * after `at` still counts is the caller's decision (REVOKED_NO_POE), from `revokedAt`.
 */
import { GatewayError } from '../../errors.js';
import type { Certificate } from '../../pki/certificate.js';
import { toHex } from '../../pki/der-values.js';
import { checkCertId } from './checks/check-cert-id.js';
import { checkCertStatus } from './checks/check-cert-status.js';
import { checkCriticalExtensions } from './checks/check-critical-extensions.js';
import { checkMaxAge } from './checks/check-max-age.js';
import { checkNextUpdate } from './checks/check-next-update.js';
import { checkNonce } from './checks/check-nonce.js';
import { checkProducedAt } from './checks/check-produced-at.js';
import { checkResponderCriticalExtensions } from './checks/check-responder-critical-extensions.js';
import { checkResponderEku } from './checks/check-responder-eku.js';
import { checkResponderId } from './checks/check-responder-id.js';
import { checkResponderIssuedByIssuer } from './checks/check-responder-issued-by-issuer.js';
import { checkResponderKeyUsage } from './checks/check-responder-key-usage.js';
import { checkResponderPin } from './checks/check-responder-pin.js';
import { checkResponderValidity } from './checks/check-responder-validity.js';
import { checkResponseSignature } from './checks/check-response-signature.js';
import { checkResponseStatus } from './checks/check-response-status.js';
import { checkResponseType } from './checks/check-response-type.js';
import { checkSingleResponse } from './checks/check-single-response.js';
import { checkThisUpdate } from './checks/check-this-update.js';
import { OCSP_OID } from './ocsp-oids.js';
import { parseBasicOcspResponse, parseOcspResponse } from './parse-ocsp-response.js';
import type { OcspRequestContext, OcspResponderFacts, VerifiedOcspResponse } from './types.js';

export interface OcspTimePolicy {
  /** The clock's current time (ms). */
  readonly now: number;
  /** Validation time (ms); default `now`. */
  readonly at?: number;
  readonly skewMs: number;
  readonly maxAgeMs: number;
}

export interface VerifyOcspResponseOptions extends OcspTimePolicy {
  /** The request this response answers: its CertID and nonce. */
  readonly request: OcspRequestContext;
  /** The CA that issued the certificate in question (already validated on the path). */
  readonly issuer: Certificate;
  /** When set, only this responder certificate may sign (it must still be a valid delegate). */
  readonly pinnedResponder?: Certificate;
}

export interface OcspTimes {
  readonly producedAt: number;
  readonly thisUpdate: number;
  readonly nextUpdate: number | undefined;
}

/** Checks for a delegated responder certificate (RFC 6960 §4.2.2.2), in order. */
const DELEGATE_CHECKS: readonly ((responder: Certificate, issuer: Certificate, now: number) => void)[] = [
  (r, issuer) => checkResponderIssuedByIssuer(r, issuer),
  (r) => checkResponderEku(r),
  (r, _i, now) => checkResponderValidity(r, now),
  (r) => checkResponderKeyUsage(r),
  (r) => checkResponderCriticalExtensions(r),
];

/** The time rules alone: run on every fresh response and again on every cache hit. */
export function checkOcspTimes(t: OcspTimes, p: OcspTimePolicy): void {
  checkProducedAt(t.producedAt, p.now, p.skewMs);
  checkThisUpdate(t.thisUpdate, p.now, p.skewMs);
  checkNextUpdate(t.thisUpdate, t.nextUpdate, p.now, p.skewMs);
  checkMaxAge(t.thisUpdate, p.now, p.at ?? p.now, p.maxAgeMs);
}

export function verifyOcspResponse(
  unverifiedResponseDer: Uint8Array,
  options: VerifyOcspResponseOptions,
): VerifiedOcspResponse {
  try {
    return verify(unverifiedResponseDer, options);
  } catch (e) {
    // Fail closed and stay in the OCSP vocabulary: any other coded failure means "unusable".
    if (!(e instanceof GatewayError) || e.code.startsWith('ERR_OCSP_')) throw e;
    throw new GatewayError('ERR_OCSP_MALFORMED', `${e.code}${e.detail ? `: ${e.detail}` : ''}`, { cause: e });
  }
}

function verify(der: Uint8Array, o: VerifyOcspResponseOptions): VerifiedOcspResponse {
  const res = parseOcspResponse(der);
  checkResponseStatus(res);
  const basic = parseBasicOcspResponse(checkResponseType(res));
  const single = checkSingleResponse(basic);
  const candidates = o.pinnedResponder ? [...basic.certs, o.pinnedResponder] : basic.certs;
  const signer = checkResponderId(basic.responderId, o.issuer, candidates);
  checkResponderPin(signer, o.pinnedResponder);
  if (signer.kind === 'delegated') for (const check of DELEGATE_CHECKS) check(signer.certificate, o.issuer, o.now);
  checkResponseSignature(basic, signer.certificate);
  checkCriticalExtensions(basic, single);
  checkCertId(single, o.request.certId);
  checkNonce(basic, o.request.nonce);
  checkOcspTimes({ producedAt: basic.producedAt, thisUpdate: single.thisUpdate, nextUpdate: single.nextUpdate }, o);
  const decided = checkCertStatus(single.status);

  const responder: OcspResponderFacts =
    signer.kind === 'issuer'
      ? { kind: 'issuer' }
      : {
          kind: 'delegated',
          certificateSha256: toHex(signer.certificate.sha256()),
          noCheck: signer.certificate.extensions.has(OCSP_OID.noCheck),
        };
  const common = {
    thisUpdate: new Date(single.thisUpdate),
    nextUpdate: single.nextUpdate === undefined ? undefined : new Date(single.nextUpdate),
    producedAt: new Date(basic.producedAt),
    responder,
    responseDer: der,
  };
  return decided.status === 'good' ? { status: 'good', ...common } : { ...decided, ...common };
}
