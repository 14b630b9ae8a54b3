/**
 * Evidence, monitor and dead-letter refusals (domain GatewayError codes) → the API's HTTP
 * codes. The problem detail starts with the precise domain code so an RP can tell "not a
 * JPKI certificate" from "session not completed". Anything else (ERR_EVIDENCE_INTEGRITY, store
 * outages) passes through to the error mapper: 5xx, logged, details never sent.
 */
import { ERROR_MESSAGES, isGatewayError, type ErrorCode } from '../../errors.js';
import { ApiError, type HttpErrorCode } from '../http-errors.js';

const HTTP_CODE: Partial<Record<ErrorCode, HttpErrorCode>> = {
  ERR_EVIDENCE_NOT_FOUND: 'ERR_NOT_FOUND',
  ERR_MONITOR_NOT_FOUND: 'ERR_NOT_FOUND',
  ERR_DEAD_LETTER_NOT_FOUND: 'ERR_NOT_FOUND',
  ERR_MONITOR_INPUT: 'ERR_VALIDATION',
  ERR_WEBHOOK_URL: 'ERR_VALIDATION',
  ERR_MONITOR_SESSION_NOT_COMPLETED: 'ERR_VALIDATION',
  ERR_MONITOR_UNSUPPORTED_CERTIFICATE: 'ERR_VALIDATION',
};

export function toAssuranceApiError(e: unknown): unknown {
  if (!isGatewayError(e)) return e;
  const http = HTTP_CODE[e.code];
  if (!http) return e;
  return new ApiError(http, http === 'ERR_NOT_FOUND' ? undefined : `${e.code}: ${ERROR_MESSAGES[e.code]}`);
}

/** Runs a handler body, translating domain refusals. */
export async function translated<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    throw toAssuranceApiError(e);
  }
}

/** `?limit=` (the spec's pattern already checked it): 1–1000, default 100. */
export function limitOf(query: unknown): number {
  const raw = (query as { limit?: string } | undefined)?.limit;
  return raw === undefined ? 100 : Math.min(1000, Number(raw));
}
