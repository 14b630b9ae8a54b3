/**
 * readMyNumber (GET /v1/sessions/{id}/my-number): the owner reads the number once; every later
 * read, on any replica, is ERR_MY_NUMBER_GONE (410). Returns the redacted `MyNumber`: the HTTP
 * adapter's `.reveal()` is the only disclosure.
 */
import { GatewayError } from '../errors.js';
import type { MyNumber } from '../identity/my-number/my-number.js';
import type { SessionDeps } from './deps.js';
import { loadTenantSession } from './session-access.js';
import type { TenantContext } from './types.js';

export async function readMyNumber(deps: SessionDeps, tenant: TenantContext, id: unknown): Promise<MyNumber> {
  // 番号法: only tenants doing permitted work hold the scope (the route checks it too).
  if (!tenant.scopes.has('my_number')) throw new GatewayError('ERR_SESSION_SCOPE', 'missing scope my_number');
  const { record } = await loadTenantSession(deps, tenant.id, id);
  if (!record.include.includes('my_number')) throw new GatewayError('ERR_MY_NUMBER_NOT_REQUESTED');
  if (record.status === 'pending') throw new GatewayError('ERR_SESSION_STATE', 'the session is still pending');
  if (!record.result?.myNumberStored) throw new GatewayError('ERR_MY_NUMBER_GONE', `session ${record.status}`);
  const read = await deps.vault.readOnce({ tenantId: record.tenantId, sessionId: record.id });
  if (read.status === 'gone') throw new GatewayError('ERR_MY_NUMBER_GONE');
  return read.myNumber;
}
