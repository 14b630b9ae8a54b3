/**
 * Dead letters for the API: a tenant lists its own and re-drives one (a fresh attempt budget,
 * due now); another tenant's or an unknown id is ERR_DEAD_LETTER_NOT_FOUND. Redrives are
 * chained audit events.
 */
import type { SecurityEvent } from '../audit/chain/security-event.js';
import type { Clock } from '../clock.js';
import { GatewayError } from '../errors.js';
import { EVENT_ID } from './event-id.js';
import type { DeadLetter, WebhookOutbox } from './types.js';

export interface DeadLetterDeps {
  readonly outbox: WebhookOutbox;
  readonly clock: Clock;
  readonly audit?: { append(event: SecurityEvent): Promise<unknown> };
}

export function listDeadLetters(deps: DeadLetterDeps, tenantId: string, limit: number): Promise<DeadLetter[]> {
  return deps.outbox.deadLetters(tenantId, Math.max(1, Math.min(limit, 1000)));
}

export async function redriveDeadLetter(deps: DeadLetterDeps, tenantId: string, id: string): Promise<void> {
  if (!EVENT_ID.test(id) || !(await deps.outbox.redrive(tenantId, id, deps.clock.now().getTime())))
    throw new GatewayError('ERR_DEAD_LETTER_NOT_FOUND');
  await deps.audit?.append({ type: 'webhook.redriven', ids: { tenantId, eventId: id } });
}
