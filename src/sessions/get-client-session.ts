/** getClientSession (GET /v1/client/session): what the widget shows before the user signs. */
import type { SessionDeps } from './deps.js';
import { loadClientSession } from './session-access.js';
import type { ClientSessionView } from './types.js';
import { clientSessionView } from './views.js';

export async function getClientSession(deps: SessionDeps, clientToken: unknown): Promise<ClientSessionView> {
  const { record } = await loadClientSession(deps, clientToken);
  return clientSessionView(record);
}
