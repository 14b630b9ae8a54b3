/**
 * The session verbs bound to their dependencies: what the HTTP adapter (src/api/sessions/) and
 * the benchmark call. Each verb lives in its own file; this only closes over `deps`.
 */
import { cancelSession } from './cancel-session.js';
import { createSession } from './create-session.js';
import { dataToSign } from './data-to-sign.js';
import type { SessionDeps } from './deps.js';
import { getClientSession } from './get-client-session.js';
import { getSession } from './get-session.js';
import { DEFAULT_SESSION_LIMITS, type SessionLimits } from './limits.js';
import { readMyNumber } from './read-my-number.js';
import { submitSignature } from './submit-signature.js';
import type { CreateSessionRequest, TenantContext } from './types.js';

export type SessionServiceDeps = Omit<SessionDeps, 'limits'> & { readonly limits?: Partial<SessionLimits> };

export function createSessionService(options: SessionServiceDeps) {
  const limits: SessionLimits = Object.freeze({ ...DEFAULT_SESSION_LIMITS, ...options.limits });
  if (!(limits.minTtlSeconds <= limits.defaultTtlSeconds && limits.defaultTtlSeconds <= limits.maxTtlSeconds))
    throw new TypeError('session limits: need minTtlSeconds ≤ defaultTtlSeconds ≤ maxTtlSeconds');
  if (typeof options.publicUrl === 'string' && !/^https?:\/\/[^/]+/.test(options.publicUrl))
    throw new TypeError('publicUrl must be an http(s) URL');
  const deps: SessionDeps = { ...options, limits };
  return Object.freeze({
    limits,
    create: (tenant: TenantContext, body: CreateSessionRequest) => createSession(deps, tenant, body),
    get: (tenant: TenantContext, id: unknown) => getSession(deps, tenant, id),
    cancel: (tenant: TenantContext, id: unknown) => cancelSession(deps, tenant, id),
    readMyNumber: (tenant: TenantContext, id: unknown) => readMyNumber(deps, tenant, id),
    clientSession: (clientToken: unknown) => getClientSession(deps, clientToken),
    dataToSign: (clientToken: unknown, certificate: unknown) => dataToSign(deps, clientToken, certificate),
    submitSignature: (clientToken: unknown, body: unknown) => submitSignature(deps, clientToken, body),
  });
}

export type SessionService = ReturnType<typeof createSessionService>;
