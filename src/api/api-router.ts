/**
 * The API router: registers a handler for an operationId with the method, path, schemas and
 * security of openapi/gateway.yaml. This is how every module (validations, sessions, sandbox)
 * adds routes, so nothing can drift from the spec:
 *
 *   export const sessionRoutes = (deps): ApiRoutes => (router) => {
 *     router.route('createSession', async (request, reply) => { … });
 *   };
 *
 * The global hooks (auth, rate limit, idempotency) read the operation from the route config.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OpenApi, OperationSpec } from './openapi/load-openapi.js';
import type { OperationId, PathParams, RequestBody } from './operation-types.js';
import './request-context.js';

export type ApiRequest<Op extends OperationId> = FastifyRequest & {
  body: RequestBody<Op>;
  params: PathParams<Op>;
};

export type ApiHandler<Op extends OperationId> = (
  request: ApiRequest<Op>,
  reply: FastifyReply,
) => Promise<unknown> | unknown;

export interface ApiRouter {
  readonly app: FastifyInstance;
  readonly openapi: OpenApi;
  route<Op extends OperationId>(operationId: Op, handler: ApiHandler<Op>): void;
  /** Operations registered so far. */
  readonly registered: ReadonlySet<string>;
}

/** A module's routes: the sessions module exports one of these and buildApp calls it. */
export type ApiRoutes = (router: ApiRouter) => void | Promise<void>;

export function createApiRouter(app: FastifyInstance, openapi: OpenApi): ApiRouter {
  const registered = new Set<string>();
  return {
    app,
    openapi,
    registered,
    route(operationId, handler) {
      const op: OperationSpec = openapi.operation(operationId);
      if (registered.has(operationId)) throw new TypeError(`operation ${operationId} registered twice`);
      registered.add(operationId);
      const { bodyOptional, ...schema } = op.schema;
      app.route({
        method: op.method,
        url: op.url,
        schema,
        config: { operation: op },
        ...(bodyOptional
          ? {
              preValidation: async (request: FastifyRequest) => {
                if (request.body === undefined || request.body === null) request.body = {};
              },
            }
          : {}),
        handler: handler as (request: FastifyRequest, reply: FastifyReply) => unknown,
      });
    },
  };
}
