/**
 * Stable event ids: `evt_` + 32 hex of SHA-256 over what happened (tenant, kind, subject,
 * outcome). The same fact yields the same id on every replica, so a duplicate enqueue (two
 * replicas that both refreshed a CRL while Redis was away) is dropped by the outbox and a
 * duplicate delivery (a lease that ran out mid-attempt) is recognizable by the receiver.
 */
import { createHash } from 'node:crypto';

export const EVENT_ID = /^evt_[0-9a-f]{32}$/;

export function eventId(...parts: readonly string[]): string {
  return `evt_${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)}`;
}
