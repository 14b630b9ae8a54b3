/**
 * A gateway for app.inject() tests: memory stores, the sandbox J-LIS (fixed clock at the
 * sandbox cards' default moment, so every scenario holds), and three tenants with known keys.
 * Origin of the material: src/sandbox (deterministic seeds; keys cached in node_modules/.cache).
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../../../src/app.js';
import type { ApiRoutes } from '../../../src/api/api-router.js';
import { fixedClock, type Clock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { createMetrics, type GatewayMetrics } from '../../../src/observability/metrics.js';
import { SANDBOX_CARD_AT } from '../../../src/sandbox/card.js';
import { createSandboxMode, type SandboxMode } from '../../../src/sandbox/mode.js';
import { createMemoryStores, type ApiStores } from '../../../src/storage/api-stores.js';
import { hashApiKey } from '../../../src/tenants/api-key.js';
import { createTenantRegistry } from '../../../src/tenants/tenant-registry.js';
import { SCOPES, type Scope, type Tenant } from '../../../src/tenants/types.js';

export const KEYS = {
  acme: 'sk_test_acme_0123456789abcdef0123456789abcdef',
  verifyOnly: 'sk_test_verify_only_0123456789abcdef01234567',
  identityOnly: 'sk_test_identity_only_0123456789abcdef012345',
  other: 'sk_test_other_0123456789abcdef0123456789abcde',
} as const;

export function testTenant(id: string, key: string, scopes: readonly Scope[], extra: Partial<Tenant> = {}): Tenant {
  return {
    id,
    name: `${id} Securities`,
    apiKeySha256: hashApiKey(key),
    scopes: new Set(scopes),
    origins: ['https://www.example.co.jp'],
    webhookSecret: 'whsec_test_0123456789abcdef0123456789abcdef',
    ...extra,
  };
}

export const TENANTS: readonly Tenant[] = [
  testTenant('acme', KEYS.acme, SCOPES),
  testTenant('verify-only', KEYS.verifyOnly, ['verify']),
  testTenant('identity-only', KEYS.identityOnly, ['identity']),
  testTenant('other', KEYS.other, SCOPES),
];

export const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });

/** Collects pino's JSON lines. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

/** `workers`: verify on that many worker threads, as the server does by default. */
export function testSandbox(clock: Clock = fixedClock(SANDBOX_CARD_AT), workers = 0): SandboxMode {
  return createSandboxMode({ clock, publicUrl: () => 'http://gateway.test', workers });
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly sandbox: SandboxMode;
  readonly stores: ApiStores;
  readonly metrics: GatewayMetrics;
  readonly logs: LogCapture;
}

export interface TestAppOptions extends Partial<Omit<AppDeps, 'config'>> {
  readonly env?: Record<string, string>;
  readonly sandbox?: SandboxMode;
  readonly extraRoutes?: readonly ApiRoutes[];
  readonly tenants_?: readonly Tenant[];
}

export function testApp(options: TestAppOptions = {}): TestApp {
  const clock = fixedClock(SANDBOX_CARD_AT);
  const sandbox = options.sandbox ?? testSandbox(clock);
  const stores = options.stores ?? createMemoryStores(clock);
  const metrics = options.metrics ?? createMetrics({ defaultMetrics: false });
  const logs = new LogCapture();
  const config = loadConfig({ LOG_LEVEL: 'info', GATEWAY_PUBLIC_URL: 'http://gateway.test', ...options.env });
  const app = buildApp({
    config,
    verifier: options.verifier ?? sandbox.verifier,
    tenants: options.tenants ?? createTenantRegistry(options.tenants_ ?? TENANTS),
    stores,
    metrics,
    logStream: logs,
    ...(options.readiness ? { readiness: options.readiness } : {}),
    routes: [sandbox.routes, ...(options.extraRoutes ?? [])],
  });
  return { app, sandbox, stores, metrics, logs };
}
