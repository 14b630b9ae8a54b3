/**
 * The auth hook (onRequest): reads the operation's security from the spec. API-key operations
 * get `request.tenant` (401 without a known key, 403 without a required scope); client-token
 * operations get `request.clientToken` (401 when absent; the sessions module checks it).
 */
import type { FastifyRequest } from 'fastify';
import type { TenantRegistry } from '../tenants/tenant-registry.js';
import { ApiError } from './http-errors.js';

const BEARER = /^Bearer ([\x21-\x7E]{1,512})$/;

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  return BEARER.exec(header)?.[1];
}

export function createAuthHook(tenants: TenantRegistry) {
  return async function authenticate(request: FastifyRequest): Promise<void> {
    const security = request.routeOptions.config.operation?.security;
    if (!security || security.length === 0) return;
    const token = bearerToken(request);
    const apiKeyAlternatives = security.filter((s) => s.scheme === 'apiKey');
    if (apiKeyAlternatives.length === 0) {
      if (!token) throw new ApiError('ERR_UNAUTHORIZED', 'send Authorization: Bearer <clientToken>');
      request.clientToken = token;
      return;
    }
    const tenant = token === undefined ? undefined : tenants.authenticate(token);
    if (!tenant) throw new ApiError('ERR_UNAUTHORIZED', 'send Authorization: Bearer <API key>');
    const allowed = apiKeyAlternatives.some((alt) => alt.scopes.every((s) => tenant.scopes.has(s as never)));
    if (!allowed) {
      const needed = apiKeyAlternatives.map((alt) => alt.scopes.join(' and ')).join(' or ');
      throw new ApiError('ERR_FORBIDDEN_SCOPE', `needs scope: ${needed}`);
    }
    request.tenant = tenant;
  };
}
