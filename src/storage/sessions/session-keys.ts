/**
 * Key layout of the session adapters (below the deployment prefix of createRedis):
 *   t:<tenant>:session:<id>            session record (hash: v = version, d = JSON)
 *   t:<tenant>:<kind>:<id>             nonce, card-challenge
 *   g:<kind>:<id>                      client-token (tenant unknown until looked up), signature
 *                                      (a replay is refused across tenants)
 *   t:<tenant>:vault:<session>         sealed My Number
 *   g:vault-due                        sorted set of vault records by due time (the sweeper's index)
 * Tenant ids are [a-z0-9_-] (src/tenants), so ':' cannot occur inside a segment.
 */
import type { SingleUseKey } from '../../sessions/ports.js';

function tenantSegment(tenantId: string): string {
  if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(tenantId))
    throw new TypeError(`tenant id ${JSON.stringify(tenantId)} is not key-safe`);
  return tenantId;
}

export const sessionKey = (tenantId: string, id: string): string => `t:${tenantSegment(tenantId)}:session:${id}`;

export const singleUseKey = (k: SingleUseKey): string =>
  k.tenantId === null ? `g:${k.kind}:${k.id}` : `t:${tenantSegment(k.tenantId)}:${k.kind}:${k.id}`;

export const vaultKey = (tenantId: string, sessionId: string): string =>
  `t:${tenantSegment(tenantId)}:vault:${sessionId}`;

export const VAULT_DUE_KEY = 'g:vault-due';

/** The due index member naming one record. */
export const vaultMember = (tenantId: string, sessionId: string): string => JSON.stringify([tenantId, sessionId]);

export function parseVaultMember(m: string): { tenantId: string; sessionId: string } | undefined {
  try {
    const a: unknown = JSON.parse(m);
    if (Array.isArray(a) && a.length === 2 && typeof a[0] === 'string' && typeof a[1] === 'string')
      return { tenantId: a[0], sessionId: a[1] };
  } catch {
    // an unreadable member names nothing
  }
  return undefined;
}
