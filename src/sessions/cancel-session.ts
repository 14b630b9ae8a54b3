/**
 * cancelSession (POST /v1/sessions/{id}/cancel): pending → cancelled. The client token dies
 * with it, so the widget cannot go on; a finished session cannot be cancelled (ERR_SESSION_STATE).
 */
import { GatewayError } from '../errors.js';
import type { SessionDeps } from './deps.js';
import { loadTenantSession } from './session-access.js';
import { applyTransition } from './session-access.js';
import type { SessionView, TenantContext } from './types.js';
import { sessionView } from './views.js';

export async function cancelSession(deps: SessionDeps, tenant: TenantContext, id: unknown): Promise<SessionView> {
  const stored = await loadTenantSession(deps, tenant.id, id);
  if (stored.record.status === 'expired') throw new GatewayError('ERR_SESSION_EXPIRED');
  const written = await applyTransition(deps, stored, 'cancel', 'cancelled_by_rp');
  // Lost the race: someone finished it meanwhile; report the state that won.
  if (!written) throw new GatewayError('ERR_SESSION_STATE', 'changed concurrently');
  return sessionView(written.record, false);
}
