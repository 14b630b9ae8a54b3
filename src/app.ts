/**
 * buildApp(deps): the fastify application of contract §5. Requests are validated and 2xx
 * responses serialized from openapi/gateway.yaml; every route is registered by operationId
 * through the ApiRouter, so method, path, schemas and scopes come from the spec. Order per
 * request: request id → auth (spec security) → rate limit → body parse + schema →
 * idempotency claim → handler → idempotency record → metrics. Tests call buildApp with memory
 * stores and app.inject(); src/server.ts wires the real parts and listens.
 */
import type { Writable } from 'node:stream';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Config } from './config/load-config.js';
import { createApiRouter, type ApiRoutes } from './api/api-router.js';
import { createAuthHook } from './api/authenticate.js';
import { registerDocs } from './api/docs.js';
import { registerErrorMapper } from './api/error-mapper.js';
import { ApiError } from './api/http-errors.js';
import { createIdempotencyHooks } from './api/idempotency.js';
import { loadOpenApi } from './api/openapi/load-openapi.js';
import { registerOperations, type ReadinessProbe } from './api/operations-routes.js';
import { createRateLimitHook } from './api/rate-limit.js';
import { registerValidations } from './api/validations-route.js';
import { loggerOptions, requestId } from './observability/logger-options.js';
import { createMetrics, type GatewayMetrics } from './observability/metrics.js';
import type { ApiStores } from './storage/api-stores.js';
import type { TenantRegistry } from './tenants/tenant-registry.js';
import type { Verifier } from './verifier/types.js';

export interface AppDeps {
  readonly config: Config;
  readonly verifier: Verifier;
  readonly tenants: TenantRegistry;
  readonly stores: ApiStores;
  readonly metrics?: GatewayMetrics;
  /** Extra readiness checks (trust, revocation: the CRL manager's state). */
  readonly readiness?: ReadinessProbe;
  /** Route modules: sessions and client (widget) operations, sandbox routes. */
  readonly routes?: readonly ApiRoutes[];
  /** Where logs go (tests capture them); default stdout. */
  readonly logStream?: Writable;
}

export function buildApp(deps: AppDeps): FastifyInstance {
  const { config } = deps;
  const metrics = deps.metrics ?? createMetrics();
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { ...loggerOptions(config.logLevel), ...(deps.logStream ? { stream: deps.logStream } : {}) },
    genReqId: requestId,
    // One line per request (below, on response) instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    // No socket inactivity timeout: it would cut idle keep-alive connections before keepAliveTimeout.
    connectionTimeout: 0,
    keepAliveTimeout: 72_000, // above common load-balancer idle timeouts (60 s)
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    ajv: {
      // Unknown fields are errors, not silently dropped; no type coercion of JSON bodies.
      // Patterns without the u flag: none in the spec needs it, and base64 bodies are long.
      customOptions: {
        removeAdditional: false,
        coerceTypes: false,
        useDefaults: true,
        allErrors: false,
        strict: false,
        unicodeRegExp: false,
      },
    },
  });
  const openapi = loadOpenApi();
  const router = createApiRouter(app, openapi);
  const idempotency = createIdempotencyHooks(deps.stores.idempotency, config.requestTimeoutMs + 5000);

  registerErrorMapper(app, metrics);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onRequest', createAuthHook(deps.tenants));
  app.addHook('onRequest', createRateLimitHook(deps.stores.rateLimiter, config.rateLimitPerMinute));
  app.addHook('preHandler', idempotency.claim);
  app.addHook('onSend', idempotency.record);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  // Slow-loris guard: the request head must arrive within 15 s (or the request timeout if shorter).
  app.server.headersTimeout = Math.min(config.requestTimeoutMs, 15_000);

  app.register(async () => {
    registerOperations(router, { mode: config.mode, stores: deps.stores, metrics, readiness: deps.readiness });
    registerDocs(router);
    registerValidations(router, deps.verifier, metrics);
    for (const routes of deps.routes ?? []) await routes(router);
    // Every /v1 operation of the spec answers: those whose module is not wired yet say so.
    for (const op of openapi.operations.values()) {
      if (router.registered.has(op.operationId) || !op.path.startsWith('/v1/')) continue;
      router.route(op.operationId as never, async () => {
        throw new ApiError('ERR_NOT_IMPLEMENTED', `${op.operationId} is not available in this build`);
      });
    }
  });

  // Sandbox mode: `npm start` shows the product working from a browser (issue 7: demo at `/`).
  app.get('/', async (_request, reply) =>
    config.mode === 'sandbox'
      ? reply.redirect('/demo/', 302)
      : reply
          .type('text/html; charset=utf-8')
          .send(
            `<!doctype html><html lang="en"><meta charset="utf-8"><title>jpki-gateway</title>` +
              `<h1>jpki-gateway (${config.mode} mode)</h1>` +
              `<p><a href="/docs">API documentation</a> · <a href="/openapi.json">OpenAPI</a> · ` +
              `<a href="/healthz">health</a></p></html>`,
          ),
  );
  return app;
}
