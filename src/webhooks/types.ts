/**
 * Webhook shapes and the outbox PORT (architecture: ports owned by their consumer; memory and
 * Redis adapters beside). An event's body is fixed when it is enqueued, so every attempt sends
 * the same bytes and the receiver can de-duplicate by its stable `id`. Times are epoch ms from
 * the injected clock; the adapters never read their own clock.
 */
import type { ErrorCode } from '../errors.js';

export const WEBHOOK_EVENT_TYPES = [
  'session.completed',
  'session.failed',
  'session.expired',
  'certificate.revoked',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The JSON body (contract §5): `{ id, type, created, data: { sessionId, status, … } }`. No personal data. */
export interface WebhookBody {
  readonly id: string;
  readonly type: WebhookEventType;
  /** ISO-8601. */
  readonly created: string;
  readonly data: Readonly<Record<string, string>>;
}

export interface WebhookEvent {
  /** `evt_` + 32 hex: derived from what happened, so a duplicate enqueue is recognized. */
  readonly id: string;
  readonly tenantId: string;
  readonly type: WebhookEventType;
  readonly url: string;
  /** The raw JSON body sent on every attempt. */
  readonly body: string;
  readonly createdAt: string;
}

export interface DeliveryError {
  readonly code: ErrorCode;
  readonly detail?: string;
  /** ISO-8601. */
  readonly at: string;
}

export interface OutboxEntry {
  readonly event: WebhookEvent;
  /** Attempts made so far. */
  readonly attempts: number;
  readonly lastError?: DeliveryError;
}

/** An entry this worker holds the lease of until `leaseUntil` (ms). */
export interface ClaimedEntry extends OutboxEntry {
  readonly lease: string;
  readonly leaseUntil: number;
}

export interface DeadLetter extends OutboxEntry {
  /** ISO-8601. */
  readonly deadAt: string;
}

export interface WebhookOutbox {
  /** Stores a new event due at `at`; false when this id was enqueued before (de-duplication window). */
  enqueue(event: WebhookEvent, at: number): Promise<boolean>;
  /**
   * Leases up to `limit` due events (due ≤ now) for `leaseMs`: no other worker on any replica
   * gets them until the lease runs out (then they are due again: at least once).
   */
  claim(now: number, leaseMs: number, limit: number): Promise<ClaimedEntry[]>;
  /** Delivered: removes the event. False when the lease was lost meanwhile. */
  ack(claimed: ClaimedEntry): Promise<boolean>;
  /** Failed, to be retried at `nextAttemptAt`. */
  retry(claimed: ClaimedEntry, attempts: number, nextAttemptAt: number, error: DeliveryError): Promise<boolean>;
  /** Failed for the last time: moves the event to its tenant's dead-letter list. */
  bury(claimed: ClaimedEntry, attempts: number, error: DeliveryError, now: number): Promise<boolean>;
  /** The tenant's dead letters, newest first. */
  deadLetters(tenantId: string, limit: number): Promise<DeadLetter[]>;
  /** Puts a dead letter back in the outbox with a fresh attempt budget; false if the tenant has no such dead letter. */
  redrive(tenantId: string, id: string, now: number): Promise<boolean>;
}
