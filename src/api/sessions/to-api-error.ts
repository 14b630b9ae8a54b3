/**
 * Session refusals (domain GatewayError codes) → the API's HTTP codes. The problem `detail`
 * starts with the precise domain code and its public message, so a widget can tell "use the
 * signing certificate" from "session expired"; private details never leave (house style 3).
 */
import { ERROR_MESSAGES, isGatewayError, type ErrorCode } from '../../errors.js';
import { CertificateNotAcceptedError } from '../../sessions/certificate-not-accepted.js';
import { ApiError, type HttpErrorCode } from '../http-errors.js';

const HTTP_CODE: Partial<Record<ErrorCode, HttpErrorCode>> = {
  ERR_SESSION_INPUT: 'ERR_VALIDATION',
  ERR_SESSION_SCOPE: 'ERR_FORBIDDEN_SCOPE',
  ERR_SESSION_ORIGIN_NOT_ALLOWED: 'ERR_FORBIDDEN_ORIGIN',
  ERR_SESSION_NOT_FOUND: 'ERR_NOT_FOUND',
  ERR_SESSION_STATE: 'ERR_SESSION_NOT_PENDING',
  ERR_SESSION_EXPIRED: 'ERR_SESSION_EXPIRED',
  ERR_SESSION_CLIENT_TOKEN: 'ERR_UNAUTHORIZED',
  ERR_SESSION_CERTIFICATE_NOT_ACCEPTED: 'ERR_VALIDATION',
  ERR_SESSION_NOT_PREPARED: 'ERR_CONFLICT',
  ERR_SESSION_SIGNATURE_REPLAYED: 'ERR_REPLAY',
  ERR_SESSION_NONCE_USED: 'ERR_REPLAY',
  ERR_SESSION_CHALLENGE_USED: 'ERR_REPLAY',
  ERR_SESSION_CARD_DATA_REQUIRED: 'ERR_VALIDATION',
  ERR_SESSION_CARD_DATA_UNEXPECTED: 'ERR_VALIDATION',
  ERR_SESSION_DOCUMENT_CONTENT_REQUIRED: 'ERR_CONFLICT',
  ERR_MY_NUMBER_NOT_REQUESTED: 'ERR_NOT_FOUND',
  ERR_MY_NUMBER_GONE: 'ERR_MY_NUMBER_GONE',
};

/** Anything else (vault faults, store outages, bugs) passes through to the error mapper: 5xx, logged. */
export function toApiError(e: unknown): unknown {
  if (!isGatewayError(e)) return e;
  const http = HTTP_CODE[e.code];
  if (!http) return e;
  let detail = `${e.code}: ${ERROR_MESSAGES[e.code]}`;
  // The codes are about the certificate the user's own card presented: the widget needs them.
  if (e instanceof CertificateNotAcceptedError) detail += ` (${e.report.errors.map((m) => m.code).join(', ')})`;
  return new ApiError(http, detail);
}
