/**
 * createRefreshRunner: runs partition refreshes for the manager — one at a time per partition,
 * recorded (status, metrics, logs), rescheduled per partition (interval after a success, retry
 * after a failure, ±10% jitter so replicas spread out) — and owns the refresh context: the
 * atomic swap with its events, and the shared-store and snapshot bookkeeping.
 */
import type { Clock } from '../../clock.js';
import { GatewayError } from '../../errors.js';
import type { CrlIssuerKey } from '../crl/index.js';
import { revocationsSince } from '../events/revocations-since.js';
import type { LoadedCrl } from '../partitions/loaded-crl.js';
import { serve, type PartitionState } from './partition-state.js';
import type { RefreshContext } from './refresh-context.js';
import { refreshPartition } from './refresh-partition.js';
import type { CrlManagerOptions, CrlManagerStatus, RefreshOutcome } from './types.js';

export interface RefreshSettings {
  readonly graceMs: number;
  readonly intervalMs: number;
  readonly retryMs: number;
  readonly leaseMs: number;
  readonly maxCrlBytes: number;
  readonly signers: ReadonlyMap<string, CrlIssuerKey>;
  readonly now: () => number;
}

export interface RefreshRunner {
  run(st: PartitionState): Promise<RefreshOutcome>;
  /** On-demand refreshes are throttled to one per retry interval per partition. */
  due(st: PartitionState): boolean;
  shared(): CrlManagerStatus['shared'];
  readonly signal: AbortSignal;
  stop(): void;
}

export function createRefreshRunner(o: CrlManagerOptions, x: RefreshSettings): RefreshRunner {
  const clock: Clock = o.clock;
  const log = o.log ?? (() => {});
  const abort = new AbortController();
  const { graceMs, intervalMs, retryMs, leaseMs, now } = x;
  let shared: CrlManagerStatus['shared'] = { kind: o.shared?.kind ?? 'none', state: o.shared ? 'unknown' : 'ok' };

  const ctx: RefreshContext = {
    clock,
    sources: o.sources,
    issuers: o.issuers,
    signers: x.signers,
    graceMs,
    maxCrlBytes: x.maxCrlBytes,
    shared: o.shared,
    leaseMs,
    pollMs: Math.min(250, Math.max(leaseMs / 20, 10)),
    snapshotKey: o.snapshotKey,
    signal: abort.signal,
    swap(st, crl: LoadedCrl, emit) {
      const previous = st.serving?.crl;
      st.serving = serve(crl, graceMs);
      if (!emit || !previous || !o.events || previous.index === crl.index) return;
      try {
        o.events(revocationsSince(previous, crl));
      } catch (e) {
        log('error', 'CRL event handler failed', { partition: st.partition.id, error: String(e) });
      }
    },
    noteShared(state, error) {
      if (state !== shared.state) {
        log(state === 'ok' ? 'info' : 'warn', `shared CRL snapshots ${state}`, { error: error && String(error) });
        shared = {
          kind: shared.kind,
          state,
          since: clock.now().toISOString(),
          ...(error instanceof GatewayError ? { detail: error.detail ?? error.code } : {}),
        };
      }
      o.metrics?.sharedState?.(state);
    },
    noteSnapshot(st, outcome, ms, detail) {
      st.snapshot = { at: clock.now(), outcome, ...(detail ? { detail } : {}) };
      if (outcome === 'older' || outcome === 'invalid' || outcome === 'stale' || outcome === 'lease-lost') {
        log('warn', `CRL snapshot ${outcome}`, { partition: st.partition.id, detail });
      }
      o.metrics?.snapshot?.(st.partition.id, outcome, ms);
    },
  };

  const schedule = (st: PartitionState, outcome: RefreshOutcome): void => {
    if (o.schedule === false || abort.signal.aborted) return;
    clearTimeout(st.timer);
    const delay = outcome === 'failed' || !st.serving ? retryMs : intervalMs * (0.9 + 0.2 * Math.random());
    st.timer = setTimeout(() => void runRefresh(st), delay);
    st.timer.unref();
  };

  const runRefresh = (st: PartitionState): Promise<RefreshOutcome> => {
    if (st.inflight) return st.inflight;
    if (abort.signal.aborted) return Promise.resolve('failed');
    clearTimeout(st.timer);
    st.lastAttemptAt = performance.now();
    const t0 = performance.now();
    const run = async (): Promise<RefreshOutcome> => {
      let outcome: RefreshOutcome;
      let error: GatewayError | undefined;
      try {
        outcome = await refreshPartition(ctx, st);
      } catch (e) {
        outcome = 'failed';
        error = e instanceof GatewayError ? e : new GatewayError('ERR_INTERNAL', `CRL refresh: ${String(e)}`);
        if (!(e instanceof GatewayError))
          log('error', 'CRL refresh bug', { partition: st.partition.id, error: String(e) });
      }
      const at = clock.now();
      st.last = { at, outcome, ...(error ? { code: error.code, detail: error.detail ?? error.message } : {}) };
      if (outcome !== 'failed') st.lastSuccessAt = at;
      else log('warn', 'CRL refresh failed', { partition: st.partition.id, code: error?.code, detail: error?.detail });
      if (outcome === 'updated' || outcome === 'snapshot-loaded') {
        const w = st.serving!.crl.watermark;
        log('info', `CRL ${outcome}`, {
          partition: w.partition,
          crlNumber: w.crlNumber?.toString(),
          entries: w.entries,
        });
      }
      o.metrics?.refreshed?.(st.partition.id, outcome, performance.now() - t0, error?.code);
      if (st.serving)
        o.metrics?.crlAge?.(st.partition.id, (now() - st.serving.crl.watermark.thisUpdate.getTime()) / 1000);
      schedule(st, outcome);
      return outcome;
    };
    const p = run().finally(() => {
      st.inflight = undefined;
    });
    st.inflight = p;
    return p;
  };

  return {
    run: runRefresh,
    due: (st) =>
      !abort.signal.aborted && (st.lastAttemptAt === undefined || performance.now() - st.lastAttemptAt >= retryMs),
    shared: () => shared,
    signal: abort.signal,
    stop: () => abort.abort(),
  };
}
