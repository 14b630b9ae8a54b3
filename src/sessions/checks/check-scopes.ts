import { GatewayError } from '../../errors.js';
import type { SessionType, ShareItem, TenantContext } from '../types.js';

// architecture.md "Security defaults": identity sessions need scope identity, signing sessions
// scope sign, and the My Number only for tenants with scope my_number (番号法: permitted work only).
export function checkScopes(tenant: TenantContext, type: SessionType, include: readonly ShareItem[]): void {
  const needed = [type === 'identity' ? 'identity' : 'sign', ...(include.includes('my_number') ? ['my_number'] : [])];
  const missing = needed.filter((s) => !tenant.scopes.has(s));
  if (missing.length) throw new GatewayError('ERR_SESSION_SCOPE', `missing scope ${missing.join(', ')}`);
}
