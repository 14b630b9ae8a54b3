/**
 * createCrlManager: revocation from refreshed, verified, shared CRL partitions, for the
 * verifier. Lookups are synchronous map hits once a partition is loaded; refreshes run per
 * partition on timers (and on first demand) and swap a partition's index only after the new
 * CRL passed every check, so a failed or cut download changes nothing. A partition past its
 * nextUpdate + grace answers ERR_CRL_STALE: never a stale "good".
 */
import { GatewayError } from '../../errors.js';
import { toIssuerKey } from '../crl/crl-checks.js';
import type { CrlIssuerKey } from '../crl/index.js';
import { revocationsSince } from '../events/revocations-since.js';
import { keyHashOf, type LoadedCrl } from '../partitions/loaded-crl.js';
import { parsePartitionId, type CrlPartition } from '../partitions/partition-of-name.js';
import { createPartitionResolver } from '../partitions/resolve-partition.js';
import { DEFAULT_MAX_CRL_SOURCE_BYTES } from '../sources/types.js';
import { answerLookup } from './answer-lookup.js';
import { newPartitionState, serve, type PartitionState } from './partition-state.js';
import { partitionStatus } from './partition-status.js';
import type { RefreshContext } from './refresh-context.js';
import { refreshPartition } from './refresh-partition.js';
import type { CrlManager, CrlManagerOptions, CrlManagerStatus, RefreshOutcome } from './types.js';

const MINUTE = 60_000;
export const CRL_MANAGER_DEFAULTS = Object.freeze({
  graceMs: 10 * MINUTE,
  refreshIntervalMs: 15 * MINUTE,
  retryIntervalMs: MINUTE,
  leaseMs: 2 * MINUTE,
});
const START_CONCURRENCY = 2;

function positive(name: string, v: number | undefined, dflt: number, min = 0): number {
  const x = v ?? dflt;
  if (!Number.isFinite(x) || x < min) throw new TypeError(`createCrlManager: ${name} must be a number ≥ ${min}`);
  return x;
}

export function createCrlManager(o: CrlManagerOptions): CrlManager {
  if (o.issuers.length === 0) throw new TypeError('createCrlManager: no CRL issuers');
  if (o.sources.length === 0 && !o.shared) throw new TypeError('createCrlManager: no CRL source');
  const graceMs = positive('graceMs', o.graceMs, CRL_MANAGER_DEFAULTS.graceMs);
  const intervalMs = positive('refreshIntervalMs', o.refreshIntervalMs, CRL_MANAGER_DEFAULTS.refreshIntervalMs, 1000);
  const retryMs = positive('retryIntervalMs', o.retryIntervalMs, CRL_MANAGER_DEFAULTS.retryIntervalMs, 10);
  const leaseMs = positive('leaseMs', o.leaseMs, CRL_MANAGER_DEFAULTS.leaseMs, 100);
  const scheduled = o.schedule !== false;
  const log = o.log ?? (() => {});
  const now = (): number => o.clock.now().getTime();
  const states = new Map<string, PartitionState>();
  const resolver = createPartitionResolver();
  const abort = new AbortController();
  const signers = new Map<string, CrlIssuerKey>();
  for (const c of o.issuers) {
    const k = toIssuerKey(c);
    signers.set(keyHashOf(k), k);
  }
  let shared: CrlManagerStatus['shared'] = { kind: o.shared?.kind ?? 'none', state: o.shared ? 'unknown' : 'ok' };

  const ctx: RefreshContext = {
    clock: o.clock,
    sources: o.sources,
    issuers: o.issuers,
    signers,
    graceMs,
    maxCrlBytes: o.maxCrlBytes ?? DEFAULT_MAX_CRL_SOURCE_BYTES,
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
          since: o.clock.now().toISOString(),
          ...(error instanceof GatewayError ? { detail: error.detail ?? error.code } : {}),
        };
      }
      o.metrics?.sharedState?.(state);
    },
    noteSnapshot(st, outcome, ms, detail) {
      st.snapshot = { at: o.clock.now(), outcome, ...(detail ? { detail } : {}) };
      if (outcome === 'older' || outcome === 'invalid' || outcome === 'stale' || outcome === 'lease-lost') {
        log('warn', `CRL snapshot ${outcome}`, { partition: st.partition.id, detail });
      }
      o.metrics?.snapshot?.(st.partition.id, outcome, ms);
    },
  };

  const schedule = (st: PartitionState, outcome: RefreshOutcome): void => {
    if (!scheduled || abort.signal.aborted) return;
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
      const at = o.clock.now();
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

  const stateOf = (p: CrlPartition): PartitionState => {
    let st = states.get(p.id);
    if (!st) {
      st = newPartitionState(p);
      states.set(p.id, st);
    }
    return st;
  };

  const unavailable = (st: PartitionState | undefined, id: string): GatewayError =>
    new GatewayError(
      'ERR_REVOCATION_UNAVAILABLE',
      `no CRL loaded for partition ${id}${st?.last?.code ? ` (last refresh: ${st.last.code} ${st.last.detail ?? ''})` : ''}`,
    );

  const manager: CrlManager = {
    async start() {
      const ids = new Map<string, CrlPartition>();
      for (const s of o.sources) for (const p of (await s.discover?.()) ?? []) ids.set(p.id, p);
      for (const id of o.partitions ?? []) ids.set(id, parsePartitionId(id));
      const queue = [...ids.values()].map(stateOf);
      const worker = async (): Promise<void> => {
        for (let st = queue.shift(); st; st = queue.shift()) await runRefresh(st);
      };
      await Promise.all(Array.from({ length: START_CONCURRENCY }, worker));
    },

    lookupLoaded(cert, issuer, opts) {
      const r = resolver.resolve(cert);
      const st = states.get(r.partition.id);
      if (!st?.serving) {
        if (!st?.inflight && !abort.signal.aborted) void runRefresh(stateOf(r.partition));
        throw unavailable(st, r.partition.id);
      }
      return answerLookup(st.serving, r, cert, issuer, opts, now);
    },

    lookup(cert, issuer, opts) {
      let r;
      try {
        r = resolver.resolve(cert);
        const s = states.get(r.partition.id)?.serving;
        if (s) return Promise.resolve(answerLookup(s, r, cert, issuer, opts, now));
      } catch (e) {
        return Promise.reject(e);
      }
      const resolved = r;
      return (async () => {
        const st = stateOf(resolved.partition);
        if (st.inflight) await st.inflight;
        else if (st.lastAttemptAt === undefined || performance.now() - st.lastAttemptAt >= retryMs)
          await runRefresh(st);
        if (!st.serving) throw unavailable(st, resolved.partition.id);
        return answerLookup(st.serving, resolved, cert, issuer, opts, now);
      })();
    },

    async refresh(partition) {
      const targets = partition ? [stateOf(parsePartitionId(partition))] : [...states.values()];
      const out: RefreshOutcome[] = [];
      for (const st of targets) out.push(await runRefresh(st));
      return out;
    },

    status() {
      const t = now();
      const partitions = [...states.values()]
        .sort((a, b) => a.partition.id.localeCompare(b.partition.id))
        .map((st) => partitionStatus(st, t));
      return { ready: manager.ready(), shared, partitions };
    },

    ready() {
      const t = now();
      for (const st of states.values()) if (st.serving && t <= st.serving.deadline) return true;
      return false;
    },

    async close() {
      abort.abort();
      for (const st of states.values()) clearTimeout(st.timer);
      await Promise.allSettled([...states.values()].map((st) => st.inflight));
    },
  };
  return manager;
}
