/**
 * refreshPartition: one refresh of one partition.
 *
 * Alone (no shared store): fetch from the sources, verify, swap.
 * With replicas: adopt a newer shared snapshot; then whoever gets the partition's lease fetches
 * from the sources (conditional, with the validators of the CRL in use, whichever replica
 * fetched it), verifies, swaps, publishes, and releases the lease. A replica without the lease
 * and without data waits (bounded) for the holder's snapshot instead of downloading too.
 * Shared store unreachable: behave as if alone, and say so in the status.
 */
import { GatewayError } from '../../errors.js';
import { fetchFromSources } from './fetch-from-sources.js';
import type { PartitionState } from './partition-state.js';
import type { RefreshContext } from './refresh-context.js';
import { adoptSnapshot, publishIfNewer } from './sync-with-shared.js';
import type { RefreshOutcome } from './types.js';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

async function refreshShared(ctx: RefreshContext, st: PartitionState): Promise<RefreshOutcome> {
  const shared = ctx.shared!;
  const id = st.partition.id;
  let { head, loaded } = await adoptSnapshot(ctx, st);
  ctx.noteShared('ok');
  if (ctx.sources.length === 0) {
    // A pure follower: it only ever loads what other replicas publish.
    if (!st.serving) throw new GatewayError('ERR_REVOCATION_UNAVAILABLE', `no usable shared snapshot of ${id}`);
    return loaded ? 'snapshot-loaded' : 'follower';
  }
  let lease = await shared.acquireLease(id, ctx.leaseMs);
  const deadline = performance.now() + ctx.leaseMs;
  while (!lease && !st.serving && performance.now() < deadline && !ctx.signal.aborted) {
    await sleep(ctx.pollMs, ctx.signal);
    ({ head, loaded } = await adoptSnapshot(ctx, st));
    if (!st.serving) lease = await shared.acquireLease(id, ctx.leaseMs);
  }
  if (!lease) {
    if (!st.serving) {
      throw new GatewayError('ERR_REVOCATION_UNAVAILABLE', `another replica holds ${id} and published nothing usable`);
    }
    return loaded ? 'snapshot-loaded' : 'follower';
  }
  const held = lease;
  const renew = setInterval(() => void held.renew(ctx.leaseMs).catch(() => {}), Math.max(ctx.leaseMs / 3, 50));
  renew.unref();
  try {
    let outcome: RefreshOutcome;
    try {
      outcome = await fetchFromSources(ctx, st);
    } finally {
      // Even when the source failed, share what we hold if the shared store lacks it.
      await publishIfNewer(ctx, st, held, head);
    }
    return loaded && outcome !== 'updated' ? 'snapshot-loaded' : outcome;
  } finally {
    clearInterval(renew);
    await held.release();
  }
}

export async function refreshPartition(ctx: RefreshContext, st: PartitionState): Promise<RefreshOutcome> {
  if (ctx.shared) {
    try {
      return await refreshShared(ctx, st);
    } catch (e) {
      if (!(e instanceof GatewayError) || e.code !== 'ERR_CRL_SHARED_UNAVAILABLE') throw e;
      ctx.noteShared('unreachable', e);
      ctx.noteSnapshot(st, 'unreachable', 0, e.detail ?? e.code);
    }
  }
  return fetchFromSources(ctx, st);
}
