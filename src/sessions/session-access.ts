/**
 * Loading and writing session records for the verbs: tenant isolation (another tenant's id is
 * simply not found), lazy expiry (a pending session past expiresAt becomes expired on first
 * touch, on any replica), and compare-and-set writes so concurrent replicas cannot both move
 * one session.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { GatewayError } from '../errors.js';
import type { SessionDeps } from './deps.js';
import { CLIENT_TOKEN, SESSION_ID } from './ids.js';
import { clientTokenKey, parseClientTokenRef } from './keys.js';
import type { StoredSession } from './ports.js';
import { transition, type SessionEvent } from './transitions.js';
import type { SessionHint, SessionRecord } from './types.js';

export function storeTtlMs(deps: SessionDeps, record: SessionRecord): number {
  const left = Date.parse(record.expiresAt) - deps.clock.now().getTime();
  return Math.max(1000, left + deps.limits.retentionSeconds * 1000);
}

/** CAS write of one transition; undefined when another writer got there first. */
export async function applyTransition(
  deps: SessionDeps,
  stored: StoredSession,
  event: SessionEvent,
  hint: SessionHint | undefined,
  patch: Partial<Pick<SessionRecord, 'prepared' | 'result'>> = {},
): Promise<StoredSession | undefined> {
  const status = transition(stored.record.status, event);
  const { hint: _previous, ...rest } = stored.record;
  const record: SessionRecord = {
    ...rest,
    ...patch,
    status,
    ...(hint ? { hint } : {}),
    updatedAt: deps.clock.now().toISOString(),
  };
  if (!(await deps.sessions.replace(record, stored.version, storeTtlMs(deps, record)))) return undefined;
  if (status !== 'pending') {
    const { tenantId, id: sessionId, type } = record;
    deps.onStatusChange?.({ tenantId, sessionId, type, status });
  }
  return { record, version: stored.version + 1 };
}

/** A pending session past its expiry becomes expired (whoever touches it first writes it). */
async function expireIfDue(deps: SessionDeps, stored: StoredSession): Promise<StoredSession> {
  const r = stored.record;
  if (r.status !== 'pending' || deps.clock.now().getTime() < Date.parse(r.expiresAt)) return stored;
  const written = await applyTransition(deps, stored, 'expire', 'expired');
  if (written) return written;
  const again = await deps.sessions.get(r.tenantId, r.id);
  if (!again) throw new GatewayError('ERR_SESSION_NOT_FOUND');
  return again.record.status === 'pending' ? expireIfDue(deps, again) : again;
}

export async function loadTenantSession(deps: SessionDeps, tenantId: string, id: unknown): Promise<StoredSession> {
  if (typeof id !== 'string' || !SESSION_ID.test(id)) throw new GatewayError('ERR_SESSION_NOT_FOUND');
  const stored = await deps.sessions.get(tenantId, id);
  if (!stored) throw new GatewayError('ERR_SESSION_NOT_FOUND');
  return expireIfDue(deps, stored);
}

/** The widget's session: the client token must be live and its session still pending. */
export async function loadClientSession(deps: SessionDeps, clientToken: unknown): Promise<StoredSession> {
  if (typeof clientToken !== 'string' || !CLIENT_TOKEN.test(clientToken))
    throw new GatewayError('ERR_SESSION_CLIENT_TOKEN', 'malformed');
  const ref = parseClientTokenRef((await deps.singleUse.peek(clientTokenKey(clientToken))) ?? '');
  if (!ref) throw new GatewayError('ERR_SESSION_CLIENT_TOKEN');
  const found = await deps.sessions.get(ref.tenantId, ref.sessionId);
  const hash = createHash('sha256').update(clientToken).digest();
  if (!found || !timingSafeEqual(hash, Buffer.from(found.record.clientTokenHash, 'hex')))
    throw new GatewayError('ERR_SESSION_CLIENT_TOKEN');
  const stored = await expireIfDue(deps, found);
  if (stored.record.status === 'expired') throw new GatewayError('ERR_SESSION_EXPIRED');
  if (stored.record.status !== 'pending') throw new GatewayError('ERR_SESSION_STATE', stored.record.status);
  return stored;
}
