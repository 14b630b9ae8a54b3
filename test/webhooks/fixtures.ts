/** Webhook events for tests: session events as the session module makes them. */
import { eventId } from '../../src/webhooks/event-id.js';
import type { WebhookEvent } from '../../src/webhooks/types.js';

export const SECRET = 'whsec_test_0123456789abcdef0123456789abcdef';

export function sessionEvent(url: string, n: number, tenantId = 'acme', status = 'completed'): WebhookEvent {
  const sessionId = `ses_${String(n).padStart(22, '0')}`;
  const id = eventId(tenantId, 'session', sessionId, status);
  const created = new Date(Date.UTC(2026, 2, 1)).toISOString();
  const body = JSON.stringify({ id, type: `session.${status}`, created, data: { sessionId, status } });
  return { id, tenantId, type: `session.${status}` as WebhookEvent['type'], url, body, createdAt: created };
}
