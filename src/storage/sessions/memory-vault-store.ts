/** In-memory VaultStore: records plus the due index, both by the injected clock. */
import type { Clock } from '../../clock.js';
import type { VaultRecord, VaultStore } from '../../identity/my-number/vault/vault-store.js';
import { ExpiringMap } from '../memory/expiring-map.js';
import { vaultKey } from './session-keys.js';

export function createMemoryVaultStore(clock: Clock): VaultStore {
  const records = new ExpiringMap<VaultRecord>(clock);
  /** key → ref and due time: the sweeper's index (outlives the record's bytes, like Redis). */
  const due = new Map<string, { tenantId: string; sessionId: string; dueAtMs: number }>();
  return {
    async put(ref, record, backstopTtlMs) {
      const k = vaultKey(ref.tenantId, ref.sessionId);
      if (records.get(k) || due.has(k)) return false;
      records.set(k, Object.freeze({ ...record }), backstopTtlMs);
      due.set(k, { ...ref, dueAtMs: record.dueAtMs });
      return true;
    },
    async take(ref) {
      const k = vaultKey(ref.tenantId, ref.sessionId);
      const record = records.get(k);
      records.delete(k);
      return { record, removed: due.delete(k) };
    },
    async dueAt(ref) {
      return records.get(vaultKey(ref.tenantId, ref.sessionId))?.dueAtMs;
    },
    async takeDue(nowMs, limit) {
      const out: { tenantId: string; sessionId: string }[] = [];
      for (const [k, d] of due) {
        if (out.length >= limit) break;
        if (d.dueAtMs > nowMs) continue;
        due.delete(k);
        records.delete(k);
        out.push({ tenantId: d.tenantId, sessionId: d.sessionId });
      }
      return out;
    },
  };
}
