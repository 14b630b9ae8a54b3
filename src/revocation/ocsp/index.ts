/** Public surface of OCSP handling (RFC 6960, RFC 8954). */
export {
  createOcspChecker,
  DEFAULT_OCSP_CACHE_SIZE,
  DEFAULT_OCSP_MAX_AGE_MS,
  DEFAULT_OCSP_SKEW_MS,
  type OcspChecker,
  type OcspCheckerOptions,
  type OcspCheckEvent,
} from './check-ocsp.js';
export type { OcspResponderConfig } from './responder-config.js';
export {
  buildOcspRequest,
  NONCE_LENGTH,
  type BuildOcspRequestOptions,
  type BuiltOcspRequest,
} from './build-ocsp-request.js';
export { fetchOcsp, DEFAULT_OCSP_MAX_BYTES, DEFAULT_OCSP_TIMEOUT_MS, type FetchOcspOptions } from './fetch-ocsp.js';
export {
  verifyOcspResponse,
  checkOcspTimes,
  type VerifyOcspResponseOptions,
  type OcspTimePolicy,
  type OcspTimes,
} from './verify-ocsp-response.js';
export { computeCertId, encodeCertId } from './cert-id.js';
export { OCSP_OID } from './ocsp-oids.js';
export type {
  CertId,
  CertIdHash,
  OcspRequestContext,
  OcspResponderFacts,
  OcspResult,
  VerifiedOcspResponse,
} from './types.js';
