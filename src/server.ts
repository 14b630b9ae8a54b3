/**
 * The only module that reads process.env and listens. Wires the configuration to the stores
 * (Redis when REDIS_URL is set, else memory), the tenants, the verifier (sandbox mode: the
 * simulated J-LIS; production: the configured or bundled roots), the sessions module (vault
 * keys, session stores on the same backend) and buildApp; prints the URL
 * (and in sandbox mode the demo API key); drains in-flight requests on SIGTERM/SIGINT.
 */
import { buildApp } from './app.js';
import type { ApiRoutes } from './api/api-router.js';
import { createSessionModule } from './api/sessions/index.js';
import { createRedisHandoffStore, createWidgetModule, qrSecretFrom, type WidgetModule } from './api/widget/index.js';
import type { ReadinessCheck, ReadinessProbe } from './api/operations-routes.js';
import { systemClock } from './clock.js';
import { loadConfig } from './config/load-config.js';
import { createMetrics } from './observability/metrics.js';
import { demoRoutes } from './demo/index.js';
import { createSandboxMode } from './sandbox/mode.js';
import { createMemoryStores, createRedisStores, type ApiStores } from './storage/api-stores.js';
import { connectRedis } from './storage/redis/create-redis.js';
import { createMemorySessionStores, createRedisSessionStores } from './storage/sessions/index.js';
import { createTenantRegistry } from './tenants/tenant-registry.js';
import { createVerifier } from './verifier/create-verifier.js';
import { createVerifierPool } from './verifier/pool/create-verifier-pool.js';
import { createEvidenceModule } from './api/evidence/create-evidence-module.js';
import { configLoadedEvent } from './api/evidence/config-loaded-event.js';
import { createCrlListMaterial, createSourceCrlMaterial } from './evidence/index.js';
import type { CrlEvent } from './revocation/events/types.js';
import { loadBundledRoots } from './trust/index.js';
import { createRevocationWiring } from './wiring/create-revocation.js';

function bundledRootDers(): Uint8Array[] {
  return loadBundledRoots().anchors.map((a) => a.certificate.der);
}
import type { Verifier } from './verifier/types.js';

/** What is wired beyond the API core and the sessions module (the CRL manager, OCSP, extra routes). */
export interface ServerWiring {
  /** Production verifier (with the CRL manager's CRLs / OCSP); default: configured roots, no revocation data. */
  readonly verifier?: Verifier;
  readonly readiness?: ReadinessProbe;
  readonly routes?: readonly ApiRoutes[];
  /** Where the start banner goes; default console.log. */
  readonly print?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly demoApiKey?: string;
  /** Stops accepting, drains in-flight requests (bounded by GATEWAY_SHUTDOWN_TIMEOUT_MS), closes stores. */
  stop(): Promise<void>;
}

export async function startServer(
  env: Readonly<Record<string, string | undefined>> = process.env,
  wiring: ServerWiring = {},
): Promise<RunningServer> {
  const config = loadConfig(env);
  const print = wiring.print ?? ((line: string) => console.log(line));
  const clock = systemClock;
  const metrics = createMetrics();
  const stores: ApiStores = config.redis
    ? createRedisStores(
        await connectRedis({
          ...config.redis,
          onError: () => metrics.storeErrors.inc({ store: 'redis', operation: 'connection' }),
        }),
        clock,
      )
    : createMemoryStores(clock);

  let publicUrl = config.publicUrl;
  const sandbox =
    config.mode === 'sandbox'
      ? createSandboxMode({
          clock,
          publicUrl: () => publicUrl,
          workers: config.verifyWorkers,
          callTimeoutMs: config.requestTimeoutMs,
        })
      : undefined;
  // Events from the CRL manager go to the monitors (webhooks) once the evidence module exists.
  const crlEvents: { handle?: (e: CrlEvent) => void } = {};
  const anchors = config.trustAnchors.length ? config.trustAnchors : bundledRootDers();
  const revocation = sandbox
    ? undefined
    : await createRevocationWiring({
        config: config.revocation,
        clock,
        anchors,
        redis: stores.redis,
        events: (e) => crlEvents.handle?.(e),
      });
  // Verification runs on GATEWAY_VERIFY_WORKERS worker threads (auto: CPUs − 1); the CRL
  // manager stays on this thread and answers the workers' lookups.
  const { crlManager, ...revocationOptions } = revocation?.verifierOptions ?? {};
  const verifierOptions = {
    ...(config.trustAnchors.length ? { trustAnchors: config.trustAnchors } : {}),
    ...revocationOptions,
  };
  const pool =
    !sandbox && !wiring.verifier && config.verifyWorkers > 0
      ? createVerifierPool({
          size: config.verifyWorkers,
          verifier: verifierOptions,
          clock,
          callTimeoutMs: config.requestTimeoutMs,
          ...(crlManager ? { crlManager } : {}),
        })
      : undefined;
  const verifier =
    sandbox?.verifier ??
    wiring.verifier ??
    pool ??
    createVerifier({ ...verifierOptions, ...(crlManager ? { crlManager } : {}), clock });
  const workers = sandbox?.pool ?? pool;
  if (workers) metrics.setVerifierPoolSource(() => workers.stats());
  const closeVerifier = async (): Promise<void> => {
    await sandbox?.close();
    await pool?.close();
  };
  try {
    await (sandbox?.ready() ?? pool?.ready());
  } catch (e) {
    await closeVerifier();
    await revocation?.close();
    await stores.close();
    throw e;
  }
  const readiness: ReadinessProbe = async () => {
    const checks: ReadinessCheck[] = [{ name: 'trust', ok: true }];
    if (workers) {
      // Not ready once no worker can run (each died and its replacement could not start).
      const ok = workers.stats().workers.some((w) => w.state !== 'dead');
      checks.push({ name: 'verifier', ok, ...(ok ? {} : { detail: 'no verifier worker is running' }) });
    }
    if (wiring.readiness) checks.push(...(await wiring.readiness()));
    else {
      // Production fails closed while no usable revocation data exists (issue 4).
      const ok = sandbox !== undefined || wiring.verifier !== undefined || (revocation?.ready() ?? false);
      checks.push({ name: 'revocation', ok, ...(ok ? {} : { detail: 'no usable revocation data' }) });
    }
    return checks;
  };

  const tenants = createTenantRegistry([...config.tenants, ...(sandbox ? [sandbox.demoTenant] : [])]);
  const sessionStores = stores.redis ? createRedisSessionStores(stores.redis) : createMemorySessionStores(clock);
  // Evidence (犯収法 records), the hash-chained audit log, webhooks and monitors (issue 6).
  const assurance = await createEvidenceModule({
    mode: config.mode,
    evidence: config.evidence,
    webhooks: config.webhooks,
    clock,
    tenants,
    verifier,
    sessions: sessionStores.sessions,
    ...(stores.redis ? { redis: stores.redis } : {}),
    caCertificates: sandbox
      ? [...sandbox.pki.signingRoots, ...sandbox.pki.authenticationRoots].map((r) => r.der)
      : anchors,
    crlMaterial: sandbox
      ? createCrlListMaterial(() => sandbox.crls.list().map((c) => c.der))
      : createSourceCrlMaterial({ sources: revocation?.sources ?? [] }),
  });
  crlEvents.handle = assurance.onCrlEvent;
  await assurance.audit.append(configLoadedEvent(config));

  // The widget follows sessions for the cross-device flow (it needs the service, the service its listener).
  const follow: { widget?: WidgetModule } = {};
  const sessions = createSessionModule({
    verifier,
    clock,
    publicUrl: () => publicUrl,
    mode: config.mode,
    vaultKeys: config.vaultKeys,
    stores: sessionStores,
    audit: assurance.audit,
    onStatusChange: (change) => {
      metrics.sessionOutcomes.inc({ type: change.type, status: change.status });
      assurance.onSessionStatusChange(change);
      follow.widget?.onSessionStatusChange(change);
    },
  });
  const widget = (follow.widget = createWidgetModule({
    mode: config.mode,
    clock,
    publicUrl: () => publicUrl,
    service: sessions.service,
    tenants,
    ...(sandbox ? { sandbox } : {}),
    // Replicas share the handoffs (Redis) and the QR secret (derived from the active vault key).
    ...(stores.redis ? { store: createRedisHandoffStore(stores.redis) } : {}),
    ...(config.vaultKeys[0] ? { qrSecret: qrSecretFrom(config.vaultKeys[0].key) } : {}),
  }));

  const app = buildApp({
    config,
    verifier,
    tenants,
    stores,
    metrics,
    readiness,
    routes: [
      ...(sandbox ? [sandbox.routes] : []),
      sessions.routes,
      assurance.routes,
      widget.routes,
      ...(sandbox ? [demoRoutes({ apiKey: sandbox.demoApiKey, publicUrl: () => publicUrl })] : []),
      ...(wiring.routes ?? []),
    ],
  });

  let address: string;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await assurance.close();
    await closeVerifier();
    await revocation?.close();
    await stores.close();
    throw e;
  }
  const port = (app.server.address() as { port: number }).port;
  const url = env.GATEWAY_PUBLIC_URL ? config.publicUrl : `http://localhost:${port}`;
  publicUrl = url;
  print(`jpki-gateway ${config.mode} mode listening on ${url} (bound to ${address})`);
  print(`  API docs:     ${url}/docs`);
  print(`  store:        ${stores.kind}`);
  print(
    `  verification: ${wiring.verifier ? 'injected verifier' : config.verifyWorkers > 0 ? `${config.verifyWorkers} worker thread(s)` : 'on the event loop'}`,
  );
  if (sandbox) {
    print(`  demo pages:   ${url}/demo/`);
    print(`  demo tenant:  ${sandbox.demoTenant.id} (scopes ${[...sandbox.demoTenant.scopes].join(', ')})`);
    print(`  demo API key: ${sandbox.demoApiKey}`);
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      // Stops accepting and waits for in-flight requests. Keep-alive connections that turn idle
      // once their request is answered are closed as they do; after the grace period, all are.
      const idle = setInterval(() => app.server.closeIdleConnections(), 100);
      const timer = setTimeout(() => app.server.closeAllConnections(), config.shutdownTimeoutMs);
      try {
        await app.close();
      } finally {
        clearInterval(idle);
        clearTimeout(timer);
        await assurance.close();
        await closeVerifier();
        await revocation?.close();
        await stores.close();
      }
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  return { url, stop, ...(sandbox ? { demoApiKey: sandbox.demoApiKey } : {}) };
}
