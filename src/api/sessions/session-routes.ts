/**
 * The session and client (widget) operations of openapi/gateway.yaml. Thin: each handler
 * translates the request for one session verb and its answer back; the domain decides.
 * Auth and scopes come from the spec (the auth hook sets `request.tenant` or
 * `request.clientToken`); type-dependent scopes are the domain's.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionService } from '../../sessions/index.js';
import type { ApiHandler, ApiRouter, ApiRoutes } from '../api-router.js';
import type { OperationId } from '../operation-types.js';
import { tenantOf } from '../tenant-isolation.js';
import { toApiError } from './to-api-error.js';

function translated<Op extends OperationId>(handler: ApiHandler<Op>): ApiHandler<Op> {
  return async (request, reply) => {
    try {
      return await handler(request, reply);
    } catch (e) {
      throw toApiError(e);
    }
  };
}

function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

const clientTokenOf = (request: FastifyRequest): string | undefined => request.clientToken;

export function sessionRoutes(service: SessionService): ApiRoutes {
  return (router: ApiRouter) => {
    router.route(
      'createSession',
      translated(async (request, reply) => {
        const created = await service.create(tenantOf(request), request.body);
        noStore(reply); // carries the client token
        reply.code(201).header('location', `/v1/sessions/${created.id}`);
        return created;
      }),
    );
    router.route(
      'getSession',
      translated(async (request) => service.get(tenantOf(request), request.params.id)),
    );
    router.route(
      'cancelSession',
      translated(async (request) => service.cancel(tenantOf(request), request.params.id)),
    );
    router.route(
      'getSessionMyNumber',
      translated(async (request, reply) => {
        const myNumber = await service.readMyNumber(tenantOf(request), request.params.id);
        noStore(reply);
        // The one deliberate disclosure of the number (番号法): audited by the vault before this line.
        return { myNumber: myNumber.reveal() };
      }),
    );
    router.route(
      'getClientSession',
      translated(async (request, reply) => {
        noStore(reply);
        return service.clientSession(clientTokenOf(request));
      }),
    );
    router.route(
      'createClientDataToSign',
      translated(async (request) => service.dataToSign(clientTokenOf(request), request.body.certificate)),
    );
    router.route(
      'submitClientSignature',
      translated(async (request) => service.submitSignature(clientTokenOf(request), request.body)),
    );
  };
}
