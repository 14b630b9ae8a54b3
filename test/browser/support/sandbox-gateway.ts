/**
 * A gateway in sandbox mode on a free loopback port, wired as src/server.ts wires it: the
 * simulated J-LIS (sandbox verifier on a worker thread, demo tenant, /sandbox routes), the session module, the
 * widget module (following the sessions for cross-device) and the demo with its backend.
 * Session limits can be tightened (a 3-second TTL for the expiry test). The public URL is
 * http://127.0.0.1:<port>, the demo tenant's origin.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app.js';
import { createSessionModule } from '../../../src/api/sessions/index.js';
import { createWidgetModule, type WidgetModule } from '../../../src/api/widget/index.js';
import { systemClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { demoRoutes } from '../../../src/demo/index.js';
import { createSandboxMode, type SandboxMode } from '../../../src/sandbox/mode.js';
import type { SessionLimits } from '../../../src/sessions/index.js';
import { createMemoryStores } from '../../../src/storage/api-stores.js';
import { createMemorySessionStores } from '../../../src/storage/sessions/index.js';
import { createTenantRegistry } from '../../../src/tenants/tenant-registry.js';
import type { Tenant } from '../../../src/tenants/types.js';

export interface SandboxGateway {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly sandbox: SandboxMode;
  readonly widget: WidgetModule;
  readonly apiKey: string;
  /** Moves the gateway's clock forward (expiry without waiting). */
  advance(ms: number): void;
  stop(): Promise<void>;
}

export async function startSandboxGateway(o: {
  assetsDir: string;
  limits?: Partial<SessionLimits>;
  /** Other tenants (e.g. another company's origin that may frame the widget). */
  extraTenants?: readonly Tenant[];
}): Promise<SandboxGateway> {
  let offsetMs = 0;
  const clock = { now: () => new Date(systemClock.now().getTime() + offsetMs) };
  let publicUrl = 'http://127.0.0.1:0';
  const config = loadConfig({ LOG_LEVEL: 'silent', GATEWAY_MODE: 'sandbox' });
  // Verification on a worker thread, as the server does by default (GATEWAY_VERIFY_WORKERS=auto).
  const sandbox = createSandboxMode({ clock, publicUrl: () => publicUrl, workers: 1 });
  await sandbox.ready();
  const tenants = createTenantRegistry([sandbox.demoTenant, ...(o.extraTenants ?? [])]);
  const ref: { widget?: WidgetModule } = {};
  const sessions = createSessionModule({
    verifier: sandbox.verifier,
    clock,
    publicUrl: () => publicUrl,
    stores: createMemorySessionStores(clock),
    mode: 'sandbox',
    vaultKeys: [],
    ...(o.limits ? { limits: o.limits } : {}),
    onStatusChange: (c) => ref.widget?.onSessionStatusChange(c),
  });
  const widget = (ref.widget = createWidgetModule({
    mode: 'sandbox',
    clock,
    publicUrl: () => publicUrl,
    service: sessions.service,
    tenants,
    sandbox,
    assetsDir: o.assetsDir,
  }));
  const app = buildApp({
    config,
    verifier: sandbox.verifier,
    tenants,
    stores: createMemoryStores(clock),
    routes: [
      sandbox.routes,
      sessions.routes,
      widget.routes,
      demoRoutes({ apiKey: sandbox.demoApiKey, publicUrl: () => publicUrl, assetsDir: o.assetsDir }),
    ],
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  publicUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return {
    url: publicUrl,
    app,
    sandbox,
    widget,
    apiKey: sandbox.demoApiKey,
    advance: (ms) => void (offsetMs += ms),
    stop: async () => {
      await app.close();
      await sandbox.close();
    },
  };
}
