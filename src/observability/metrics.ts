/**
 * Prometheus metrics (prom-client) in a registry per app, so tests and two apps in one
 * process do not share counters. Names are prefixed jpki_gateway_.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { VerifierPoolStats } from '../verifier/pool/create-verifier-pool.js';

export interface GatewayMetrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly validationOutcomes: Counter<'indication' | 'sub_indication'>;
  readonly storeErrors: Counter<'store' | 'operation'>;
  /**
   * Sessions that reached a final status on this replica (completed, failed, expired,
   * cancelled), by type: fed by the session module's onStatusChange. Prometheus sums replicas;
   * creations are the createSession route's request count.
   */
  readonly sessionOutcomes: Counter<'type' | 'status'>;
  /** The verifier pool's workers, calls in flight and restarts (read at each scrape). */
  setVerifierPoolSource(source: () => VerifierPoolStats): void;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'jpki_gateway_' });
  let poolSource: (() => VerifierPoolStats) | undefined;
  new Gauge({
    name: 'jpki_gateway_verifier_workers',
    help: 'Verifier worker threads by state (starting, ready, dead)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      if (!poolSource) return;
      const counts = { starting: 0, ready: 0, dead: 0 };
      for (const w of poolSource().workers) counts[w.state]++;
      for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
    },
  });
  new Gauge({
    name: 'jpki_gateway_verifier_in_flight',
    help: 'Verifications queued or running on the verifier worker threads',
    registers: [registry],
    collect() {
      if (poolSource) this.set(poolSource().workers.reduce((n, w) => n + w.inFlight, 0));
    },
  });
  let restartsSeen = 0;
  new Counter({
    name: 'jpki_gateway_verifier_worker_restarts_total',
    help: 'Verifier worker threads replaced after stopping unexpectedly',
    registers: [registry],
    collect() {
      if (!poolSource) return;
      const now = poolSource().restarts;
      if (now > restartsSeen) this.inc(now - restartsSeen);
      restartsSeen = now;
    },
  });
  return {
    registry,
    sessionOutcomes: new Counter({
      name: 'jpki_gateway_sessions_total',
      help: 'Sessions that reached a final status on this replica, by type and status',
      labelNames: ['type', 'status'] as const,
      registers: [registry],
    }),
    setVerifierPoolSource(source) {
      poolSource = source;
    },
    httpDuration: new Histogram({
      name: 'jpki_gateway_http_request_duration_seconds',
      help: 'HTTP request latency by route template',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    validationOutcomes: new Counter({
      name: 'jpki_gateway_validations_total',
      help: 'Validation reports by indication and sub-indication',
      labelNames: ['indication', 'sub_indication'] as const,
      registers: [registry],
    }),
    storeErrors: new Counter({
      name: 'jpki_gateway_store_errors_total',
      help: 'Store backend failures (each answered 503 / fail closed)',
      labelNames: ['store', 'operation'] as const,
      registers: [registry],
    }),
  };
}
