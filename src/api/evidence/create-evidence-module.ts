/**
 * Wires issue 6 for the API: the audit chain (files under GATEWAY_EVIDENCE_DIR, or memory in
 * sandbox mode), the evidence service, the webhook outbox and its dispatcher, 現況確認
 * monitors, the routes (evidence, certificate status, monitors, dead letters), the API-key
 * audit hooks, and timers (delivery, purge) started on ready and stopped on close.
 *
 *   const assurance = await createEvidenceModule({ config, clock, tenants, verifier,
 *     sessions: sessionStores.sessions, redis: stores.redis, caCertificates, crlMaterial });
 *   const sessions = createSessionModule({ …, audit: assurance.audit,
 *     onStatusChange: assurance.onSessionStatusChange });
 *   createCrlManager({ …, events: assurance.onCrlEvent });
 *   buildApp({ …, routes: [assurance.routes, sessions.routes] });
 *   await assurance.audit.append(configLoadedEvent(config));
 */
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { createChainedAuditLog, type ChainedAuditLog } from '../../audit/chain/create-chained-audit-log.js';
import { openFsChainSink } from '../../audit/chain/fs-chain-sink.js';
import { createMemoryChainSink } from '../../audit/chain/memory-chain-sink.js';
import type { Clock } from '../../clock.js';
import type { EvidenceConfig, WebhookConfig } from '../../config/assurance-config.js';
import { createCaCertificateBook } from '../../evidence/ca-certificates.js';
import type { CrlMaterial } from '../../evidence/crl-material.js';
import { createEvidenceService, type EvidenceService } from '../../evidence/create-evidence-service.js';
import { createFsEvidenceStore } from '../../evidence/fs/fs-evidence-store.js';
import { createMemoryEvidenceStore } from '../../evidence/memory/memory-evidence-store.js';
import { createMonitorService, type MonitorService } from '../../monitors/create-monitor-service.js';
import { createMemoryMonitorStore } from '../../monitors/memory/memory-monitor-store.js';
import { createRedisMonitorStore } from '../../monitors/redis/redis-monitor-store.js';
import { onCrlRevocations } from '../../monitors/revocation-webhooks.js';
import type { CrlEvent } from '../../revocation/events/types.js';
import type { SessionStatusChange } from '../../sessions/deps.js';
import type { SessionStore } from '../../sessions/ports.js';
import type { TenantRegistry } from '../../tenants/tenant-registry.js';
import type { Verifier } from '../../verifier/types.js';
import { createWebhookDispatcher, type WebhookDispatcher } from '../../webhooks/create-webhook-dispatcher.js';
import { createMemoryOutbox } from '../../webhooks/memory/memory-outbox.js';
import { createRedisOutbox } from '../../webhooks/redis/redis-outbox.js';
import { sessionWebhookEvent } from '../../webhooks/session-event.js';
import type { WebhookOutbox } from '../../webhooks/types.js';
import type { ApiRoutes } from '../api-router.js';
import { certificateStatusRoute } from '../certificates/certificate-status-route.js';
import { monitorRoutes } from '../monitors/monitor-routes.js';
import { deadLetterRoutes } from '../webhooks/dead-letter-routes.js';
import { evidenceRoutes } from './evidence-routes.js';
import { registerSecurityAudit } from './security-audit-hooks.js';

export interface EvidenceModuleOptions {
  readonly mode: 'sandbox' | 'production';
  readonly evidence: EvidenceConfig;
  readonly webhooks: WebhookConfig;
  readonly clock: Clock;
  /** Webhook secrets, read at each attempt. */
  readonly tenants: Pick<TenantRegistry, 'byId'>;
  /** The deployment's verifier (POST /v1/certificates/status). */
  readonly verifier: Pick<Verifier, 'verifyCertificate'>;
  /** Ended sessions are read from here (evidence, webhooks, monitors for a session). */
  readonly sessions: Pick<SessionStore, 'get'>;
  /** Outbox and monitors in Redis (replicas); absent: memory. */
  readonly redis?: Redis;
  /** Trust anchors and intermediates: the chain a record carries. */
  readonly caCertificates: Iterable<Uint8Array>;
  /** Where the CRL bytes behind a report's facts come from (archived with each record). */
  readonly crlMaterial?: CrlMaterial;
  readonly log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export interface EvidenceModule {
  readonly routes: ApiRoutes;
  /** The hash-chained audit log: give it to the session module (`audit`) and append config.loaded. */
  readonly audit: ChainedAuditLog;
  /** Give to the session module (`onStatusChange`): audit, evidence record, webhook. */
  readonly onSessionStatusChange: (change: SessionStatusChange) => void;
  /** Give to the CRL manager (`events`): monitors → certificate.revoked webhooks. */
  readonly onCrlEvent: (event: CrlEvent) => void;
  readonly evidence: EvidenceService;
  readonly monitors: MonitorService;
  readonly outbox: WebhookOutbox;
  readonly dispatcher: WebhookDispatcher;
  /** Resolves when every session/CRL event handed in so far is fully handled (tests, shutdown). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function createEvidenceModule(o: EvidenceModuleOptions): Promise<EvidenceModule> {
  if (o.mode === 'production' && !o.evidence.dir)
    throw new TypeError('production needs GATEWAY_EVIDENCE_DIR (evidence is kept 7 years: memory is for sandbox mode)');
  const log = o.log ?? (() => {});
  const dir = o.evidence.dir;
  const writer =
    o.evidence.auditWriter ??
    (hostname()
      .replace(/[^A-Za-z0-9._-]/g, '-')
      .replace(/^\./, '_') ||
      'gateway');
  const audit = await createChainedAuditLog({
    sink: dir ? await openFsChainSink({ dir, writer: writer.slice(0, 64) }) : createMemoryChainSink(),
    clock: o.clock,
  });
  const evidence = createEvidenceService({
    store: dir ? createFsEvidenceStore(dir) : createMemoryEvidenceStore(),
    clock: o.clock,
    caCertificates: createCaCertificateBook(o.caCertificates),
    retentionYears: o.evidence.retentionYears,
    audit,
    ...(o.crlMaterial ? { crlMaterial: o.crlMaterial } : {}),
  });
  const outbox = o.redis ? createRedisOutbox(o.redis) : createMemoryOutbox();
  const monitorStore = o.redis ? createRedisMonitorStore(o.redis) : createMemoryMonitorStore();
  const monitors = createMonitorService({ monitors: monitorStore, sessions: o.sessions, clock: o.clock, audit });
  const w = o.webhooks;
  const dispatcher = createWebhookDispatcher({
    outbox,
    clock: o.clock,
    secretOf: (t) => o.tenants.byId(t)?.webhookSecret,
    settings: {
      timeoutMs: w.timeoutMs,
      maxAttempts: w.maxAttempts,
      baseDelayMs: w.baseDelayMs,
      maxDelayMs: w.maxDelayMs,
      maxResponseBytes: w.maxResponseBytes,
      batch: w.concurrency,
      leaseMs: w.timeoutMs + 15_000,
    },
    onDeadLetter: (d) =>
      void audit
        .append({ type: 'webhook.dead_lettered', ids: { tenantId: d.event.tenantId, eventId: d.event.id } })
        .catch((e: unknown) => log('error', 'audit append failed', { error: String(e) })),
    log,
  });

  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>, what: string): void => {
    const q = p.catch((e: unknown) => log('error', `${what} failed`, { error: String(e) }));
    pending.add(q);
    void q.finally(() => pending.delete(q));
  };

  /** The record first (retried: it is the 犯収法 evidence), then the webhook whatever happened to it. */
  const handleSession = async (c: SessionStatusChange): Promise<void> => {
    const ids = { tenantId: c.tenantId, sessionId: c.sessionId };
    await audit.append({ type: `session.${c.status}` as 'session.completed', ids });
    const record = (await o.sessions.get(c.tenantId, c.sessionId))?.record;
    if (!record) return;
    try {
      for (let attempt = 1; record.status === 'completed'; attempt++) {
        try {
          await evidence.recordSession(record);
          break;
        } catch (e) {
          if (attempt >= 3) throw e;
          await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
    } finally {
      const event = sessionWebhookEvent(record, o.clock.now());
      if (event) await outbox.enqueue(event, o.clock.now().getTime());
    }
  };

  let purgeTimer: NodeJS.Timeout | undefined;
  const routes: ApiRoutes = async (router) => {
    const { app } = router;
    registerSecurityAudit(app, audit);
    evidenceRoutes(evidence)(router);
    certificateStatusRoute(o.verifier, o.clock)(router);
    monitorRoutes(monitors)(router);
    deadLetterRoutes({ outbox, clock: o.clock, audit })(router);
    app.addHook('onReady', async () => {
      dispatcher.start();
      purgeTimer = setInterval(() => track(evidence.purgeExpired(), 'evidence purge'), o.evidence.purgeIntervalMs);
      purgeTimer.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(purgeTimer);
      await dispatcher.stop();
    });
  };

  const settled = async (): Promise<void> => {
    while (pending.size) await Promise.all([...pending]);
  };

  return {
    routes,
    audit,
    onSessionStatusChange: (c) => track(handleSession(c), 'session outcome (evidence, webhook)'),
    onCrlEvent: (e) => {
      if (e.type === 'crl.revocations')
        track(onCrlRevocations({ monitors: monitorStore, outbox, clock: o.clock, audit }, e), 'CRL monitors');
    },
    evidence,
    monitors,
    outbox,
    dispatcher,
    settled,
    async close() {
      clearInterval(purgeTimer);
      await dispatcher.stop();
      await settled();
      await audit.close();
    },
  };
}
