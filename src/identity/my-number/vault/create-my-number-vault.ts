/**
 * The My Number vault: seal on store, open once on read, delete at TTL — each an audit event
 * (identifiers only). Readable ONCE: `readOnce` takes the record atomically, so a second read,
 * on any replica, finds nothing. A read is disclosed only after its audit events are recorded.
 */
import type { AuditDeletionReason, AuditLog } from '../../../audit/audit-log.js';
import type { Clock } from '../../../clock.js';
import type { MyNumber } from '../my-number.js';
import type { VaultKeyRing } from './key-ring.js';
import { openMyNumber } from './open-my-number.js';
import { sealMyNumber } from './seal-my-number.js';
import type { VaultBinding } from './sealed-format.js';
import type { VaultStore } from './vault-store.js';

export interface MyNumberVaultOptions {
  readonly store: VaultStore;
  readonly keyRing: VaultKeyRing;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** How long a stored number stays readable. Default 1 hour. */
  readonly ttlMs?: number;
  /** Extra lifetime of the bytes in the store after the TTL, for the sweeper to audit them. */
  readonly backstopGraceMs?: number;
}

export type MyNumberRead = { readonly status: 'read'; readonly myNumber: MyNumber } | { readonly status: 'gone' };

export interface MyNumberVault {
  readonly ttlMs: number;
  store(ref: VaultBinding, myNumber: MyNumber): Promise<void>;
  readOnce(ref: VaultBinding): Promise<MyNumberRead>;
  isAvailable(ref: VaultBinding): Promise<boolean>;
  /** Deletes a stored number unread (its session lost a race and did not complete). */
  discard(ref: VaultBinding): Promise<void>;
  /** Deletes records whose TTL passed; returns how many were deleted (and audited). */
  sweepExpired(limit?: number): Promise<number>;
}

export const DEFAULT_VAULT_TTL_MS = 3_600_000;
const DEFAULT_BACKSTOP_GRACE_MS = 300_000;

export function createMyNumberVault(o: MyNumberVaultOptions): MyNumberVault {
  const ttlMs = o.ttlMs ?? DEFAULT_VAULT_TTL_MS;
  if (!Number.isInteger(ttlMs) || ttlMs < 1000) throw new TypeError('vault ttlMs must be an integer ≥ 1000');
  const backstopMs = ttlMs + (o.backstopGraceMs ?? DEFAULT_BACKSTOP_GRACE_MS);
  const at = (): string => o.clock.now().toISOString();
  const audit = (type: 'my_number.stored' | 'my_number.read', ref: VaultBinding, keyId?: string): Promise<void> =>
    o.audit.record({ type, tenantId: ref.tenantId, sessionId: ref.sessionId, at: at(), ...(keyId ? { keyId } : {}) });
  const auditDeleted = (ref: VaultBinding, reason: AuditDeletionReason): Promise<void> =>
    o.audit.record({ type: 'my_number.deleted', tenantId: ref.tenantId, sessionId: ref.sessionId, at: at(), reason });

  return Object.freeze({
    ttlMs,
    async store(ref: VaultBinding, myNumber: MyNumber): Promise<void> {
      const { sealed, keyId } = sealMyNumber(o.keyRing, ref, myNumber);
      const dueAtMs = o.clock.now().getTime() + ttlMs;
      // One session stores at most one number: its completion is single-use upstream.
      if (!(await o.store.put(ref, { sealed, keyId, dueAtMs }, backstopMs)))
        throw new TypeError('vault: a record already exists for this session');
      await audit('my_number.stored', ref, keyId);
    },
    async readOnce(ref: VaultBinding): Promise<MyNumberRead> {
      const { record, removed } = await o.store.take(ref);
      if (!record || record.dueAtMs <= o.clock.now().getTime()) {
        if (removed) await auditDeleted(ref, 'expired');
        return { status: 'gone' };
      }
      // Taken: whatever happens next, the bytes are gone; audit before disclosing.
      const myNumber = openMyNumber(o.keyRing, ref, record.sealed);
      await audit('my_number.read', ref, record.keyId);
      await auditDeleted(ref, 'read_once');
      return { status: 'read', myNumber };
    },
    async isAvailable(ref: VaultBinding): Promise<boolean> {
      const due = await o.store.dueAt(ref);
      return due !== undefined && due > o.clock.now().getTime();
    },
    async discard(ref: VaultBinding): Promise<void> {
      const { removed } = await o.store.take(ref);
      if (removed) await auditDeleted(ref, 'discarded');
    },
    async sweepExpired(limit = 100): Promise<number> {
      const refs = await o.store.takeDue(o.clock.now().getTime(), limit);
      for (const ref of refs) await auditDeleted(ref, 'expired');
      return refs.length;
    },
  });
}
