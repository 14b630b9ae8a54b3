/** jpki-gateway library (contract §2). */
export { createVerifier } from './verifier/create-verifier.js';
export type {
  Verifier,
  VerifierOptions,
  VerifySignatureInput,
  VerifyCertificateInput,
  RevocationMethod,
  CardDataResult,
  CvCaKeyInput,
  VerifyCardDataInput,
} from './verifier/types.js';
export {
  createVerifierPool,
  type VerifierPool,
  type VerifierPoolOptions,
  type VerifierPoolStats,
} from './verifier/pool/create-verifier-pool.js';
export type { PoolVerifierOptions } from './verifier/pool/protocol.js';
export {
  VerifierUnavailableError,
  isVerifierUnavailable,
  type VerifierUnavailableReason,
} from './verifier/pool/verifier-unavailable.js';
export { MyNumber } from './identity/my-number/my-number.js';
export type { CardBasicFour, CardDataError, TextApFiles } from './identity/my-number/types.js';
export type { ValidationReport, Profile, ReportMessage, CertificateFacts, RevocationFacts } from './report/types.js';
export type { Indication, SubIndication } from './report/sub-indication.js';
export type { KeyUsageName } from './pki/extensions.js';
export type { SignerIdentity } from './identity/types.js';
export { ERROR_CODES, GatewayError, type ErrorCode } from './errors.js';
export { fixedClock, systemClock, type Clock } from './clock.js';
