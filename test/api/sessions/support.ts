/**
 * A real gateway on a real port for session tests: buildApp + the session module, the sandbox
 * verifier of test/sessions/fixtures (material: the default sandbox J-LIS, cards 'sessions/*'),
 * memory stores by default or any SessionStores/ApiStores (Redis) given, logs captured.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app.js';
import { createSessionModule, type SessionModule } from '../../../src/api/sessions/index.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { SANDBOX_CARD_AT } from '../../../src/sandbox/card.js';
import { createMemoryStores, type ApiStores } from '../../../src/storage/api-stores.js';
import { createMemorySessionStores, type SessionStores } from '../../../src/storage/sessions/index.js';
import { createTenantRegistry } from '../../../src/tenants/tenant-registry.js';
import type { Tenant } from '../../../src/tenants/types.js';
import { createVerifierPool } from '../../../src/verifier/pool/create-verifier-pool.js';
import { ORIGIN, sandboxVerifier, sandboxVerifierOptions } from '../../sessions/fixtures.js';
import { manualClock, type ManualClock } from '../../storage/contract/manual-clock.js';
import { LogCapture, testTenant } from '../support/test-app.js';

export const KEYS = {
  brokerage: 'sk_test_brokerage_0123456789abcdef0123456789ab',
  other: 'sk_test_other_bank_0123456789abcdef0123456789a',
  signOnly: 'sk_test_sign_only_0123456789abcdef0123456789ab',
  noMyNumber: 'sk_test_no_my_number_0123456789abcdef01234567',
} as const;

export const TENANTS: readonly Tenant[] = [
  testTenant('brokerage', KEYS.brokerage, ['identity', 'sign', 'my_number'], {
    name: '見本証券株式会社',
    origins: [ORIGIN],
  }),
  testTenant('other-bank', KEYS.other, ['identity', 'sign', 'my_number'], { origins: [ORIGIN] }),
  testTenant('sign-only', KEYS.signOnly, ['sign'], { origins: [ORIGIN] }),
  testTenant('no-my-number', KEYS.noMyNumber, ['identity', 'sign'], { origins: [ORIGIN] }),
];

export interface Gateway {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly logs: LogCapture;
  readonly module: SessionModule;
  readonly clock: ManualClock;
  stop(): Promise<void>;
}

export interface GatewayOptions {
  readonly clock?: ManualClock;
  readonly sessionStores?: SessionStores;
  readonly apiStores?: ApiStores;
  readonly logLevel?: string;
  /** Verify on this many worker threads (createVerifierPool), as the server does; default 0. */
  readonly workers?: number;
}

export async function startGateway(o: GatewayOptions = {}): Promise<Gateway> {
  const clock = o.clock ?? manualClock(SANDBOX_CARD_AT);
  const logs = new LogCapture();
  const config = loadConfig({ LOG_LEVEL: o.logLevel ?? 'debug', GATEWAY_PUBLIC_URL: 'https://gateway.example.jp' });
  const pool = o.workers
    ? createVerifierPool({ size: o.workers, verifier: sandboxVerifierOptions(), clock })
    : undefined;
  await pool?.ready();
  const verifier = pool ?? sandboxVerifier(clock);
  const module = createSessionModule({
    verifier,
    clock,
    publicUrl: config.publicUrl,
    stores: o.sessionStores ?? createMemorySessionStores(clock),
    mode: 'sandbox',
    vaultKeys: [],
  });
  const app = buildApp({
    config,
    verifier,
    tenants: createTenantRegistry(TENANTS),
    stores: o.apiStores ?? createMemoryStores(clock),
    logStream: logs,
    routes: [module.routes],
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const stop = async (): Promise<void> => {
    await app.close();
    await pool?.close();
  };
  return { url: `http://127.0.0.1:${port}`, app, logs, module, clock, stop };
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown> & { code?: string; detail?: string };
}

/** One real HTTP request; `auth` is an API key or a client token (both are Bearer). */
export async function call(
  url: string,
  method: string,
  path: string,
  auth?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Answer['json']) : {} };
}
