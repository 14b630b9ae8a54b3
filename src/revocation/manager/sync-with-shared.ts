/**
 * The shared-snapshot steps of a refresh: adopt another replica's newer snapshot, publish ours
 * when the shared one is missing or older. A snapshot never replaces a newer local CRL (it is
 * reported as 'older'), a stale or invalid one is never served. Shared-store errors propagate
 * as ERR_CRL_SHARED_UNAVAILABLE, except while publishing, where they are only reported.
 */
import { GatewayError } from '../../errors.js';
import { checkCrlNotRegressed, type CrlOrder } from '../partitions/crl-update-checks.js';
import { fromSnapshot, toSnapshot } from '../shared/snapshot.js';
import type { SnapshotLease, SnapshotMeta } from '../shared/types.js';
import type { PartitionState } from './partition-state.js';
import type { RefreshContext } from './refresh-context.js';

const HOUR = 3_600_000;

function orderOf(m: SnapshotMeta): CrlOrder {
  return { crlNumber: m.crlNumber === null ? undefined : BigInt(m.crlNumber), thisUpdate: new Date(m.thisUpdate) };
}

function progress(current: CrlOrder | undefined, next: CrlOrder): 'newer' | 'same' | 'older' {
  try {
    return checkCrlNotRegressed(current, next);
  } catch {
    return 'older';
  }
}

export interface Adopted {
  /** The shared snapshot's metadata; undefined when there is none or it is unusable (invalid). */
  readonly head: SnapshotMeta | undefined;
  readonly loaded: boolean;
}

export async function adoptSnapshot(ctx: RefreshContext, st: PartitionState): Promise<Adopted> {
  const shared = ctx.shared!;
  const id = st.partition.id;
  const t0 = performance.now();
  const head = await shared.head(id);
  if (!head) return { head, loaded: false };
  const current = st.serving?.crl.watermark;
  const p = progress(current, orderOf(head));
  if (p !== 'newer') {
    ctx.noteSnapshot(st, p, performance.now() - t0);
    return { head, loaded: false };
  }
  if (ctx.clock.now().getTime() > new Date(head.nextUpdate).getTime() + ctx.graceMs) {
    ctx.noteSnapshot(st, 'stale', performance.now() - t0, `nextUpdate ${head.nextUpdate}`);
    return { head, loaded: false };
  }
  const snap = await shared.load(id);
  if (!snap) return { head: undefined, loaded: false };
  let crl;
  try {
    crl = fromSnapshot(snap, { partition: id, signers: ctx.signers, key: ctx.snapshotKey });
  } catch (e) {
    if (!(e instanceof GatewayError)) throw e;
    ctx.noteSnapshot(st, 'invalid', performance.now() - t0, e.detail ?? e.code);
    return { head: undefined, loaded: false }; // a leader replaces it with a valid one
  }
  // Another refresh may have swapped in something newer while we were reading.
  if (progress(st.serving?.crl.watermark, crl.watermark) !== 'newer') return { head: snap.meta, loaded: false };
  ctx.swap(st, crl, false);
  ctx.noteSnapshot(st, 'loaded', performance.now() - t0);
  return { head: snap.meta, loaded: true };
}

/** Publishes the partition's CRL if the shared store lacks it or holds an older one. */
export async function publishIfNewer(
  ctx: RefreshContext,
  st: PartitionState,
  lease: SnapshotLease,
  head: SnapshotMeta | undefined,
): Promise<void> {
  const current = st.serving?.crl;
  if (!current) return;
  if (head && progress(orderOf(head), current.watermark) !== 'newer') return;
  const t0 = performance.now();
  // Kept until an hour past usefulness: a snapshot beyond nextUpdate + grace is never loaded.
  const ttl = Math.max(current.watermark.nextUpdate.getTime() + ctx.graceMs - ctx.clock.now().getTime(), 0) + HOUR;
  try {
    const ok = await ctx.shared!.publish(lease, toSnapshot(current, ctx.snapshotKey), ttl);
    ctx.noteSnapshot(st, ok ? 'published' : 'lease-lost', performance.now() - t0);
  } catch (e) {
    if (!(e instanceof GatewayError)) throw e;
    ctx.noteSnapshot(st, 'unreachable', performance.now() - t0, e.detail ?? e.code);
    ctx.noteShared('unreachable', e);
  }
}
