/**
 * What the API hooks attach to a request, typed once. `tenant` is set by the auth hook on
 * every operation secured by an API key; `clientToken` (the raw bearer of a widget call) on
 * every operation secured by a client token — the sessions module resolves it.
 */
import type { Tenant } from '../tenants/types.js';
import type { OperationSpec } from './openapi/load-openapi.js';

export interface IdempotencyClaimContext {
  readonly key: string;
  readonly fingerprint: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    tenant?: Tenant;
    clientToken?: string;
    idempotency?: IdempotencyClaimContext;
  }
  interface FastifyContextConfig {
    operation?: OperationSpec;
  }
}

export {};
