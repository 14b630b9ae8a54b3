/** In-memory audit adapter: one process, tests and sandbox mode. */
import type { AuditEvent, AuditLog } from './audit-log.js';

export interface MemoryAuditLog extends AuditLog {
  /** Every event recorded so far, oldest first (frozen copies). */
  readonly events: readonly AuditEvent[];
}

export function createMemoryAuditLog(): MemoryAuditLog {
  const events: AuditEvent[] = [];
  return {
    events,
    record: async (event) => {
      events.push(Object.freeze({ ...event }));
    },
  };
}
