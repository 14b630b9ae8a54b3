/**
 * Security events of the hash-chained audit log (issue 6): who used an API key, what happened
 * to a session, every My Number store / read / delete, evidence written, read, exported and
 * purged, configuration loaded, webhooks dead-lettered or re-driven, monitors created or
 * deleted. An event carries identifiers only: `ids` values must be short visible-ASCII tokens,
 * so a name, an address or any other free text cannot be logged by accident (a TypeError —
 * a caller bug — instead). My Numbers are digits, so no code path passes one: the vault's
 * events (the audit port's AuditEvent) are mapped field by field in fromAuditEvent.
 */
import type { AuditEvent } from '../audit-log.js';

export const SECURITY_EVENT_TYPES = [
  'api_key.used',
  'api_key.rejected',
  'session.created',
  'session.completed',
  'session.failed',
  'session.expired',
  'session.cancelled',
  'my_number.stored',
  'my_number.read',
  'my_number.deleted',
  'evidence.recorded',
  'evidence.read',
  'evidence.exported',
  'evidence.purged',
  'config.loaded',
  'webhook.dead_lettered',
  'webhook.redriven',
  'monitor.created',
  'monitor.deleted',
  'monitor.revoked',
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export interface SecurityEvent {
  readonly type: SecurityEventType;
  /** Identifiers only (tenantId, sessionId, evidenceId, requestId, sha256…). */
  readonly ids: Readonly<Record<string, string>>;
}

const ID_KEY = /^[a-zA-Z][a-zA-Z0-9]{0,31}$/;
const ID_VALUE = /^[\x21-\x7E]{1,200}$/;
const TYPES = new Set<string>(SECURITY_EVENT_TYPES);

/** Throws TypeError unless the event has a known type and identifier-shaped ids. */
export function checkSecurityEvent(e: SecurityEvent): void {
  if (!TYPES.has(e.type)) throw new TypeError(`audit: unknown event type ${String(e.type).slice(0, 40)}`);
  for (const [k, v] of Object.entries(e.ids)) {
    if (!ID_KEY.test(k)) throw new TypeError(`audit: id key ${JSON.stringify(k.slice(0, 40))} is not an identifier`);
    if (typeof v !== 'string' || !ID_VALUE.test(v))
      throw new TypeError(`audit: value of ${k} is not an identifier (visible ASCII, ≤ 200, no spaces)`);
  }
}

/** The audit port's vault events as chained security events (identifier fields only). */
export function fromAuditEvent(e: AuditEvent): SecurityEvent {
  const ids: Record<string, string> = { tenantId: e.tenantId, sessionId: e.sessionId };
  if (e.reason) ids.reason = e.reason;
  if (e.keyId) ids.keyId = e.keyId;
  return { type: e.type, ids };
}
