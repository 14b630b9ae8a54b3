/**
 * createCrlManager: revocation from refreshed, verified, shared CRL partitions, for the
 * verifier. Lookups are synchronous map hits once a partition is loaded; refreshes run per
 * partition on timers (and on first demand) and swap a partition's index only after the new
 * CRL passed every check, so a failed or cut download changes nothing. A partition past its
 * nextUpdate + grace answers ERR_CRL_STALE: never a stale "good".
 */
import { systemClock } from '../../clock.js';
import { GatewayError } from '../../errors.js';
import { toIssuerKey } from '../crl/crl-checks.js';
import type { CrlIssuerKey } from '../crl/index.js';
import { keyHashOf } from '../partitions/loaded-crl.js';
import { parsePartitionId, type CrlPartition } from '../partitions/partition-of-name.js';
import { createPartitionResolver } from '../partitions/resolve-partition.js';
import { DEFAULT_MAX_CRL_SOURCE_BYTES } from '../sources/types.js';
import { answerLookup, lookupTime } from './answer-lookup.js';
import { newPartitionState, type PartitionState } from './partition-state.js';
import { partitionStatus } from './partition-status.js';
import { createRefreshRunner } from './create-refresh-runner.js';
import type { CrlManager, CrlManagerOptions, RefreshOutcome } from './types.js';

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
  // The system clock read without allocating a Date (the lookup hot path reads it per call).
  const now: () => number = o.clock === systemClock ? Date.now : () => o.clock.now().getTime();
  const states = new Map<string, PartitionState>();
  const resolver = createPartitionResolver();
  const signers = new Map<string, CrlIssuerKey>();
  for (const c of o.issuers) {
    const k = toIssuerKey(c);
    signers.set(keyHashOf(k), k);
  }
  const runner = createRefreshRunner(o, {
    graceMs,
    intervalMs,
    retryMs,
    leaseMs,
    maxCrlBytes: o.maxCrlBytes ?? DEFAULT_MAX_CRL_SOURCE_BYTES,
    signers,
    now,
  });
  const runRefresh = runner.run;
  const due = runner.due;

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

    peek(cert, issuer, opts) {
      const r = resolver.resolve(cert);
      const st = states.get(r.partition.id) ?? stateOf(r.partition);
      const s = st.serving;
      const at = lookupTime(opts, now);
      if (s && at <= s.deadline) return answerLookup(s, r, cert, issuer, opts?.sameCa, at);
      // Not answerable without I/O: start it in the background; lookup() will await it.
      if (!st.inflight && due(st)) void runRefresh(st);
      return undefined;
    },

    lookup(cert, issuer, opts) {
      let r;
      try {
        r = resolver.resolve(cert);
        const s = states.get(r.partition.id)?.serving;
        const at = lookupTime(opts, now);
        if (s && at <= s.deadline) return Promise.resolve(answerLookup(s, r, cert, issuer, opts?.sameCa, at));
      } catch (e) {
        return Promise.reject(e);
      }
      // Not loaded yet, or stale: one refresh attempt (shared, throttled), then answer or fail closed.
      const resolved = r;
      return (async () => {
        const st = stateOf(resolved.partition);
        if (st.inflight) await st.inflight;
        else if (due(st)) await runRefresh(st);
        if (!st.serving) throw unavailable(st, resolved.partition.id);
        return answerLookup(st.serving, resolved, cert, issuer, opts?.sameCa, lookupTime(opts, now));
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
      return { ready: manager.ready(), shared: runner.shared(), partitions };
    },

    ready() {
      const t = now();
      for (const st of states.values()) if (st.serving && t <= st.serving.deadline) return true;
      return false;
    },

    async close() {
      runner.stop();
      for (const st of states.values()) clearTimeout(st.timer);
      await Promise.allSettled([...states.values()].map((st) => st.inflight));
    },
  };
  return manager;
}
