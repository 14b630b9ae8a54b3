/** getSession (GET /v1/sessions/{id}): the owner's view; another tenant's id is not found. */
import type { SessionDeps } from './deps.js';
import { loadTenantSession } from './session-access.js';
import type { SessionView, TenantContext } from './types.js';
import { sessionView } from './views.js';

export async function getSession(deps: SessionDeps, tenant: TenantContext, id: unknown): Promise<SessionView> {
  const { record } = await loadTenantSession(deps, tenant.id, id);
  const available =
    record.result?.myNumberStored === true &&
    (await deps.vault.isAvailable({ tenantId: record.tenantId, sessionId: record.id }));
  return sessionView(record, available);
}
