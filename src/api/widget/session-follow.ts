/**
 * Records how a session ended for the desktop widget that follows a cross-device handoff:
 * attached to the session module's onStatusChange (called after every terminal transition, on
 * the replica that made it), it reads the session's hint and stores the outcome by session id.
 * Must not throw (the session module's contract): failures are only logged by the caller.
 */
import type { SessionService, SessionStatusChange } from '../../sessions/index.js';
import type { HandoffStore } from './handoff-store.js';

/** Outcomes outlive the session's deadline a little, so a slow poll still sees them. */
const OUTCOME_TTL_MS = 15 * 60_000;

export function followSessions(
  store: HandoffStore,
  service: () => SessionService | undefined,
): (change: SessionStatusChange) => Promise<void> {
  return async (change) => {
    if (change.status === 'pending') return;
    let hint;
    try {
      // getSession reads by tenant id only; the view carries the hint the widget explains.
      const view = await service()?.get(
        { id: change.tenantId, name: '', scopes: new Set(), origins: [] },
        change.sessionId,
      );
      hint = view?.hint;
    } catch {
      hint = undefined; // the outcome without its hint is still worth telling
    }
    await store.setOutcome(change.sessionId, { status: change.status, ...(hint ? { hint } : {}) }, OUTCOME_TTL_MS);
  };
}
