/**
 * The error mapper: the one place that decides what a client learns about a failure. ApiError
 * → its code and public detail; fastify's own refusals (schema, body size, media type, JSON) →
 * fixed codes with fixed or schema-derived details (never the client's bytes echoed back);
 * store outages and an unavailable verifier pool → 503; anything else → 500 whose details are logged with the request id and
 * never sent.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GatewayMetrics } from '../observability/metrics.js';
import { isStoreUnavailable } from '../storage/store-unavailable.js';
import { isVerifierUnavailable } from '../verifier/pool/verifier-unavailable.js';
import { HTTP_ERRORS, PROBLEM_TYPE_BASE, isApiError, type HttpErrorCode } from './http-errors.js';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: HttpErrorCode;
  readonly detail?: string;
  readonly instance?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const FASTIFY_CODES: Readonly<Record<string, HttpErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'ERR_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'ERR_VALIDATION',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'ERR_VALIDATION',
  FST_ERR_CTP_INVALID_JSON_BODY: 'ERR_VALIDATION',
};

const BY_STATUS: Readonly<Record<number, HttpErrorCode>> = {
  400: 'ERR_VALIDATION',
  404: 'ERR_NOT_FOUND',
  405: 'ERR_METHOD_NOT_ALLOWED',
  408: 'ERR_TIMEOUT',
  413: 'ERR_PAYLOAD_TOO_LARGE',
  415: 'ERR_UNSUPPORTED_MEDIA_TYPE',
};

export function problem(code: HttpErrorCode, detail?: string, instance?: string): Problem {
  const spec = HTTP_ERRORS[code];
  return {
    type: PROBLEM_TYPE_BASE + spec.slug,
    title: spec.title,
    status: spec.status,
    code,
    ...(detail ? { detail } : {}),
    ...(instance ? { instance } : {}),
  };
}

/** The schema's complaint, without the submitted values (ajv messages name paths and rules only). */
function validationDetail(error: FastifyError): string {
  const messages = (error.validation ?? [])
    .filter((v) => v.keyword !== 'oneOf' && v.keyword !== 'anyOf')
    .map((v) => `${error.validationContext ?? 'body'}${v.instancePath} ${v.message ?? 'is invalid'}`);
  const unique = [...new Set(messages)].slice(0, 3);
  return unique.length ? unique.join('; ') : `${error.validationContext ?? 'body'} does not match the schema`;
}

function classify(error: unknown): {
  code: HttpErrorCode;
  detail?: string;
  headers?: Readonly<Record<string, string>>;
} {
  if (isApiError(error)) return { code: error.code, detail: error.detail, headers: error.headers };
  if (isStoreUnavailable(error)) return { code: 'ERR_UNAVAILABLE', detail: 'a backing store is unreachable' };
  if (isVerifierUnavailable(error)) {
    return {
      code: 'ERR_UNAVAILABLE',
      detail: 'verification is temporarily unavailable; retry',
      headers: { 'retry-after': error.reason === 'busy' ? '1' : '5' },
    };
  }
  const fe = error as FastifyError;
  if (fe?.validation) return { code: 'ERR_VALIDATION', detail: validationDetail(fe) };
  const known = typeof fe?.code === 'string' ? FASTIFY_CODES[fe.code] : undefined;
  if (known) return { code: known, detail: known === 'ERR_VALIDATION' ? 'the body is not valid JSON' : undefined };
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) return { code: BY_STATUS[status] ?? 'ERR_VALIDATION' };
  return { code: 'ERR_INTERNAL' };
}

export function registerErrorMapper(app: FastifyInstance, metrics: GatewayMetrics): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { code, detail, headers } = classify(error);
    const body = problem(code, detail, request.id);
    if (isStoreUnavailable(error)) {
      metrics.storeErrors.inc({ store: error.store, operation: error.operation });
      request.log.error({ err: error }, 'store unavailable');
    } else if (isVerifierUnavailable(error)) {
      request.log.warn({ reason: error.reason }, 'verifier unavailable');
    } else if (isApiError(error)) {
      request.log.info({ code, status: body.status }, 'request refused');
    } else if (body.status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
    } else {
      request.log.info({ code }, 'request refused');
    }
    return reply
      .code(body.status)
      .headers(headers ?? {})
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(body));
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem('ERR_NOT_FOUND', undefined, request.id))),
  );
}
