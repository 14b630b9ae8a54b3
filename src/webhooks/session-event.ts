/**
 * The webhook of a session that ended (contract §5): session.completed, session.failed or
 * session.expired to the session's webhookUrl, body `{ id, type, created, data: { sessionId,
 * status } }` — ids and status only, never the identity or the My Number. A cancelled session
 * has none (the RP cancelled it), nor does a session without a webhookUrl.
 */
import type { SessionRecord, SessionStatus } from '../sessions/types.js';
import { eventId } from './event-id.js';
import type { WebhookBody, WebhookEvent, WebhookEventType } from './types.js';

const TYPES: Partial<Record<SessionStatus, WebhookEventType>> = {
  completed: 'session.completed',
  failed: 'session.failed',
  expired: 'session.expired',
};

export function sessionWebhookEvent(r: SessionRecord, at: Date): WebhookEvent | undefined {
  const type = TYPES[r.status];
  if (!type || !r.webhookUrl) return undefined;
  const id = eventId(r.tenantId, 'session', r.id, r.status);
  const body: WebhookBody = { id, type, created: at.toISOString(), data: { sessionId: r.id, status: r.status } };
  return { id, tenantId: r.tenantId, type, url: r.webhookUrl, body: JSON.stringify(body), createdAt: body.created };
}
