/**
 * The audit PORT: who touched personal data, when (番号法 safe-handling guideline: identify
 * every access, log the handling, record deletions). Events carry identifiers only — never a
 * My Number, a name or any other personal value. The hash-chained, tamper-evident log that
 * implements this port in production belongs to the evidence issue; here live the port, an
 * in-memory adapter (tests, sandbox) and a structured-log adapter.
 */
export type AuditEventType = 'my_number.stored' | 'my_number.read' | 'my_number.deleted';

/** Why a record was deleted: read once, its TTL passed, or its session did not complete after all. */
export type AuditDeletionReason = 'read_once' | 'expired' | 'discarded';

export interface AuditEvent {
  readonly type: AuditEventType;
  readonly tenantId: string;
  readonly sessionId: string;
  /** ISO-8601, from the injected clock. */
  readonly at: string;
  readonly reason?: AuditDeletionReason;
  /** The vault key id that sealed the record (rotation audits). */
  readonly keyId?: string;
}

export interface AuditLog {
  /** Resolves once the event is durably recorded; rejects otherwise (callers fail closed). */
  record(event: AuditEvent): Promise<void>;
}
