/** partitionStatus: one partition as operators see it (`crl status`, health, metrics). */
import type { PartitionState } from './partition-state.js';
import type { CrlPartitionStatus } from './types.js';

export function partitionStatus(st: PartitionState, now: number): CrlPartitionStatus {
  const s = st.serving;
  const w = s?.crl.watermark;
  return {
    partition: st.partition.id,
    state: !s ? 'missing' : now <= s.deadline ? 'fresh' : 'stale',
    ...(w
      ? {
          entries: w.entries,
          thisUpdate: w.thisUpdate.toISOString(),
          nextUpdate: w.nextUpdate.toISOString(),
          ...(w.crlNumber !== undefined ? { crlNumber: w.crlNumber.toString() } : {}),
          ageSeconds: Math.round((now - w.thisUpdate.getTime()) / 1000),
          fetchedAt: w.fetchedAt.toISOString(),
          source: w.source,
          via: w.via,
        }
      : {}),
    ...(st.last
      ? {
          lastRefresh: {
            at: st.last.at.toISOString(),
            outcome: st.last.outcome,
            ...(st.last.code ? { code: st.last.code } : {}),
            ...(st.last.detail ? { detail: st.last.detail } : {}),
          },
        }
      : {}),
    ...(st.lastSuccessAt ? { lastSuccessAt: st.lastSuccessAt.toISOString() } : {}),
    ...(st.snapshot
      ? {
          snapshot: {
            at: st.snapshot.at.toISOString(),
            outcome: st.snapshot.outcome,
            ...(st.snapshot.detail ? { detail: st.snapshot.detail } : {}),
          },
        }
      : {}),
  };
}
