/** In-memory webhook outbox: one process (sandbox mode, tests). Same semantics as the Redis adapter. */
import { randomBytes } from 'node:crypto';
import type { ClaimedEntry, DeadLetter, OutboxEntry, WebhookOutbox } from '../types.js';

interface Slot {
  entry: OutboxEntry;
  due: number;
  lease?: string;
  deadAt?: string;
}

export interface MemoryOutboxOptions {
  /** How long an enqueued id is remembered to drop duplicates (default 30 days). */
  readonly dedupeMs?: number;
}

export function createMemoryOutbox(o: MemoryOutboxOptions = {}): WebhookOutbox & { readonly size: number } {
  const dedupeMs = o.dedupeMs ?? 30 * 86_400_000;
  const slots = new Map<string, Slot>();
  const seen = new Map<string, number>();
  const holds = (c: ClaimedEntry): Slot | undefined => {
    const slot = slots.get(c.event.id);
    return slot && slot.lease === c.lease && slot.deadAt === undefined ? slot : undefined;
  };
  return {
    get size() {
      return slots.size;
    },
    async enqueue(event, at) {
      for (const [id, until] of seen) if (until <= at) seen.delete(id);
      if (seen.has(event.id)) return false;
      seen.set(event.id, at + dedupeMs);
      slots.set(event.id, { entry: { event, attempts: 0 }, due: at });
      return true;
    },
    async claim(now, leaseMs, limit) {
      const due = [...slots.values()]
        .filter((s) => s.deadAt === undefined && s.due <= now)
        .sort((a, b) => a.due - b.due)
        .slice(0, limit);
      return due.map((s) => {
        s.lease = randomBytes(12).toString('hex');
        s.due = now + leaseMs;
        return { ...s.entry, lease: s.lease, leaseUntil: s.due };
      });
    },
    async ack(c) {
      if (!holds(c)) return false;
      slots.delete(c.event.id);
      return true;
    },
    async retry(c, attempts, nextAttemptAt, error) {
      const slot = holds(c);
      if (!slot) return false;
      slot.entry = { event: c.event, attempts, lastError: error };
      slot.due = nextAttemptAt;
      slot.lease = undefined;
      return true;
    },
    async bury(c, attempts, error, now) {
      const slot = holds(c);
      if (!slot) return false;
      slot.entry = { event: c.event, attempts, lastError: error };
      slot.lease = undefined;
      slot.deadAt = new Date(now).toISOString();
      return true;
    },
    async deadLetters(tenantId, limit) {
      return [...slots.values()]
        .filter((s) => s.deadAt !== undefined && s.entry.event.tenantId === tenantId)
        .sort((a, b) => b.deadAt!.localeCompare(a.deadAt!))
        .slice(0, limit)
        .map((s): DeadLetter => ({ ...s.entry, deadAt: s.deadAt! }));
    },
    async redrive(tenantId, id, now) {
      const slot = slots.get(id);
      if (!slot || slot.deadAt === undefined || slot.entry.event.tenantId !== tenantId) return false;
      slot.deadAt = undefined;
      slot.entry = {
        event: slot.entry.event,
        attempts: 0,
        ...(slot.entry.lastError ? { lastError: slot.entry.lastError } : {}),
      };
      slot.due = now;
      return true;
    },
  };
}
