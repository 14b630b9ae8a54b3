/**
 * purgeExpired: deletes records past their retention (番号法/犯収法: irreversible deletion with
 * a deletion record once the retention period ends). Per batch, the deletion record (ids,
 * times and hashes only) is written first, then each record is removed and an
 * evidence.purged event appended to the audit chain. A crash midway leaves records that the
 * next run finds again (listed in a second deletion record): nothing is deleted unrecorded.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { SecurityEvent } from '../audit/chain/security-event.js';
import { isGatewayError } from '../errors.js';
import { PURGE_FORMAT, type EvidenceStore, type PurgeRecord, type PurgedRecord } from './types.js';

export interface PurgeDeps {
  readonly store: EvidenceStore;
  readonly clock: Clock;
  readonly audit?: { append(event: SecurityEvent): Promise<unknown> };
  /** Records per batch (default 500). */
  readonly batch?: number;
}

const newPurgeId = (): string => `prg_${randomBytes(12).toString('hex')}`;

/** Purges everything due now; returns the deletion records written (one per batch). */
export async function purgeExpired(deps: PurgeDeps): Promise<PurgeRecord[]> {
  const out: PurgeRecord[] = [];
  const batch = deps.batch ?? 500;
  for (;;) {
    const now = deps.clock.now();
    const refs = await deps.store.due(now, batch);
    if (refs.length === 0) return out;
    const records: PurgedRecord[] = [];
    for (const ref of refs) {
      let stored;
      try {
        stored = await deps.store.get(ref.id);
      } catch (e) {
        if (!isGatewayError(e)) throw e; // ERR_EVIDENCE_INTEGRITY: still due, still deleted
      }
      const r = stored?.record;
      records.push({
        id: ref.id,
        tenantId: r?.tenantId ?? 'unknown',
        sessionId: r?.sessionId ?? 'unknown',
        recordedAt: r?.times.recordedAt ?? 'unknown',
        retainUntil: ref.retainUntil,
        sha256: stored?.sha256 ?? 'unreadable',
      });
    }
    const purge: PurgeRecord = { format: PURGE_FORMAT, id: newPurgeId(), purgedAt: now.toISOString(), records };
    await deps.store.putPurgeRecord(purge);
    for (const p of records) {
      await deps.store.remove({ id: p.id, retainUntil: p.retainUntil });
      await deps.audit?.append({
        type: 'evidence.purged',
        ids: { tenantId: p.tenantId, sessionId: p.sessionId, evidenceId: p.id, purgeId: purge.id },
      });
    }
    out.push(purge);
  }
}
