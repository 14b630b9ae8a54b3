/**
 * The tenants of a running gateway. authenticate() hashes the presented key and compares it
 * with every tenant's hash in constant time (crypto.timingSafeEqual, no early exit), so
 * neither the match nor its position leaks through timing.
 */
import { timingSafeEqual } from 'node:crypto';
import { hashApiKey } from './api-key.js';
import type { Tenant } from './types.js';

export interface TenantRegistry {
  authenticate(presentedApiKey: string): Tenant | undefined;
  byId(id: string): Tenant | undefined;
  readonly all: readonly Tenant[];
}

export function createTenantRegistry(tenants: readonly Tenant[]): TenantRegistry {
  const byId = new Map(tenants.map((t) => [t.id, t]));
  if (byId.size !== tenants.length) throw new TypeError('tenant ids must be unique');
  return Object.freeze({
    all: Object.freeze([...tenants]),
    byId: (id: string) => byId.get(id),
    authenticate(presentedApiKey: string): Tenant | undefined {
      const presented = hashApiKey(presentedApiKey);
      let found: Tenant | undefined;
      for (const t of tenants) {
        if (timingSafeEqual(presented, t.apiKeySha256) && !found) found = t;
      }
      return found;
    },
  });
}
