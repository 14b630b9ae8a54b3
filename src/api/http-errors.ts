/**
 * The closed union of HTTP-level error codes (contract §5 problem+json `code`). These are not
 * validation-report codes (src/errors.ts): a failed signature is a 200 report, never one of
 * these. The union is the spec's `HttpErrorCode` enum, so a code added on one side and not the
 * other fails the typecheck. Handlers throw `ApiError(code, detail?)`; only the error mapper
 * turns it into a response.
 */
import type { components } from './generated/openapi.js';

export type HttpErrorCode = components['schemas']['HttpErrorCode'];

interface HttpErrorSpec {
  readonly status: number;
  readonly title: string;
  /** Last segment of the problem `type` URI. */
  readonly slug: string;
}

export const PROBLEM_TYPE_BASE = 'https://jpki-gateway.dev/problems/';

export const HTTP_ERRORS: Readonly<Record<HttpErrorCode, HttpErrorSpec>> = Object.freeze({
  ERR_VALIDATION: { status: 400, title: 'Request does not match the API schema', slug: 'validation' },
  ERR_UNAUTHORIZED: { status: 401, title: 'Missing or invalid credentials', slug: 'unauthorized' },
  ERR_FORBIDDEN_SCOPE: { status: 403, title: 'The API key lacks a required scope', slug: 'forbidden-scope' },
  ERR_FORBIDDEN_ORIGIN: { status: 403, title: 'The origin is not allowed for this tenant', slug: 'forbidden-origin' },
  ERR_NOT_FOUND: { status: 404, title: 'Resource not found', slug: 'not-found' },
  ERR_METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed', slug: 'method-not-allowed' },
  ERR_CONFLICT: { status: 409, title: 'The resource is in a conflicting state', slug: 'conflict' },
  ERR_SESSION_NOT_PENDING: { status: 409, title: 'The session is no longer pending', slug: 'session-not-pending' },
  ERR_SESSION_EXPIRED: { status: 410, title: 'The session has expired', slug: 'session-expired' },
  ERR_REPLAY: { status: 409, title: 'This value was already used', slug: 'replay' },
  ERR_MY_NUMBER_GONE: { status: 410, title: 'The My Number was already read or has expired', slug: 'my-number-gone' },
  ERR_IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: 'Idempotency-Key reused with a different request',
    slug: 'idempotency-key-reused',
  },
  ERR_IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    title: 'A request with this Idempotency-Key is in progress',
    slug: 'idempotency-in-progress',
  },
  ERR_PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large', slug: 'payload-too-large' },
  ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type', slug: 'unsupported-media-type' },
  ERR_RATE_LIMITED: { status: 429, title: 'Rate limit exceeded', slug: 'rate-limited' },
  ERR_TIMEOUT: { status: 503, title: 'The request took too long', slug: 'timeout' },
  ERR_NOT_IMPLEMENTED: { status: 501, title: 'Not implemented', slug: 'not-implemented' },
  ERR_UNAVAILABLE: { status: 503, title: 'Service temporarily unavailable', slug: 'unavailable' },
  ERR_INTERNAL: { status: 500, title: 'Internal error', slug: 'internal' },
});

/** A refusal a handler wants the client to see. `detail` is public: never put secrets or personal data in it. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: HttpErrorCode,
    readonly detail?: string,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ApiError';
    this.status = HTTP_ERRORS[code].status;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
