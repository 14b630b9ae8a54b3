/**
 * Tenant isolation helpers: a resource another tenant owns is answered exactly like one that
 * does not exist (404), so ids cannot be probed across tenants.
 */
import type { FastifyRequest } from 'fastify';
import type { Scope, Tenant } from '../tenants/types.js';
import { ApiError } from './http-errors.js';

/** The authenticated tenant; a route secured by an API key always has one. */
export function tenantOf(request: FastifyRequest): Tenant {
  if (!request.tenant) throw new TypeError('tenantOf: route is not secured by an API key');
  return request.tenant;
}

/** The resource if `tenant` owns it, else ERR_NOT_FOUND (also for undefined). */
export function requireOwned<T extends { readonly tenantId: string }>(tenant: Tenant, resource: T | undefined): T {
  if (!resource || resource.tenantId !== tenant.id) throw new ApiError('ERR_NOT_FOUND');
  return resource;
}

/** For scopes a request needs beyond the operation's own (e.g. include: ['my_number']). */
export function requireScope(tenant: Tenant, scope: Scope): void {
  if (!tenant.scopes.has(scope)) throw new ApiError('ERR_FORBIDDEN_SCOPE', `needs scope: ${scope}`);
}

/** Store key prefix of a tenant: every tenant-owned key starts with it. */
export function tenantKeyPrefix(tenantId: string): string {
  return `t:${tenantId}:`;
}
