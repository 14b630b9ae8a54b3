/**
 * The session state machine as a table. Only `pending` moves; every terminal state is final.
 * `prepare` (data-to-sign) keeps a session pending. Anything not in the table is a coded error.
 */
import { GatewayError } from '../errors.js';
import type { SessionStatus } from './types.js';

export type SessionEvent = 'prepare' | 'complete' | 'fail' | 'expire' | 'cancel';

export const TRANSITIONS: Readonly<Record<SessionStatus, Readonly<Partial<Record<SessionEvent, SessionStatus>>>>> =
  Object.freeze({
    pending: { prepare: 'pending', complete: 'completed', fail: 'failed', expire: 'expired', cancel: 'cancelled' },
    completed: {},
    failed: {},
    expired: {},
    cancelled: {},
  });

export function transition(from: SessionStatus, event: SessionEvent): SessionStatus {
  const to = TRANSITIONS[from]?.[event];
  if (to === undefined) throw new GatewayError('ERR_SESSION_STATE', `${event} is not allowed when ${from}`);
  return to;
}
