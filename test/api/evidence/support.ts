/**
 * A real gateway on a real port with issue 6 wired as README shows: buildApp + the session
 * module + the evidence module (audit chain, evidence, webhooks, monitors), memory stores by
 * default, the sandbox verifier and CRL of test/sessions/fixtures, webhooks to a loopback
 * receiver. Tenants: `brokerage` (identity, sign, my_number, verify), `other-bank`, `sign-only`.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app.js';
import { createEvidenceModule, type EvidenceModule } from '../../../src/api/evidence/index.js';
import { createSessionModule } from '../../../src/api/sessions/index.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { createCrlListMaterial } from '../../../src/evidence/crl-material.js';
import { SANDBOX_CARD_AT } from '../../../src/sandbox/card.js';
import { createMemoryStores } from '../../../src/storage/api-stores.js';
import { createMemorySessionStores } from '../../../src/storage/sessions/index.js';
import { createTenantRegistry } from '../../../src/tenants/tenant-registry.js';
import type { Tenant } from '../../../src/tenants/types.js';
import { ORIGIN, card, currentCrl, sandboxVerifier } from '../../sessions/fixtures.js';
import { manualClock, type ManualClock } from '../../storage/contract/manual-clock.js';
import { LogCapture, testTenant } from '../support/test-app.js';

export const KEYS = {
  brokerage: 'sk_test_brokerage_0123456789abcdef0123456789ab',
  other: 'sk_test_other_bank_0123456789abcdef0123456789a',
  signOnly: 'sk_test_sign_only_0123456789abcdef0123456789ab',
} as const;
export const SECRET = 'whsec_test_0123456789abcdef0123456789abcdef';

export const TENANTS: readonly Tenant[] = [
  testTenant('brokerage', KEYS.brokerage, ['identity', 'sign', 'my_number', 'verify'], {
    name: '見本証券株式会社',
    origins: [ORIGIN],
    webhookSecret: SECRET,
  }),
  testTenant('other-bank', KEYS.other, ['identity', 'sign', 'verify'], { origins: [ORIGIN] }),
  testTenant('sign-only', KEYS.signOnly, ['sign'], { origins: [ORIGIN] }),
];

export interface AssuranceGateway {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly assurance: EvidenceModule;
  readonly clock: ManualClock;
  readonly logs: LogCapture;
  stop(): Promise<void>;
}

export async function startAssuranceGateway(env: Record<string, string> = {}): Promise<AssuranceGateway> {
  const clock = manualClock(SANDBOX_CARD_AT);
  const logs = new LogCapture();
  const config = loadConfig({
    LOG_LEVEL: 'info',
    GATEWAY_PUBLIC_URL: 'https://gateway.example.jp',
    GATEWAY_WEBHOOK_TIMEOUT_MS: '500',
    GATEWAY_WEBHOOK_MAX_ATTEMPTS: '2',
    GATEWAY_WEBHOOK_BACKOFF_BASE_MS: '10',
    ...env,
  });
  const verifier = sandboxVerifier(clock);
  const sessionStores = createMemorySessionStores(clock);
  const tenants = createTenantRegistry(TENANTS);
  const c = card('valid');
  const assurance = await createEvidenceModule({
    mode: config.mode,
    evidence: config.evidence,
    webhooks: config.webhooks,
    clock,
    tenants,
    verifier,
    sessions: sessionStores.sessions,
    caCertificates: [c.signing.issuer.der, c.authentication.issuer.der],
    crlMaterial: createCrlListMaterial(() => [currentCrl()]),
  });
  const sessions = createSessionModule({
    verifier,
    clock,
    publicUrl: config.publicUrl,
    stores: sessionStores,
    mode: 'sandbox',
    vaultKeys: [],
    audit: assurance.audit,
    onStatusChange: assurance.onSessionStatusChange,
  });
  const app = buildApp({
    config,
    verifier,
    tenants,
    stores: createMemoryStores(clock),
    logStream: logs,
    routes: [assurance.routes, sessions.routes],
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    assurance,
    clock,
    logs,
    stop: async () => {
      await app.close();
      await assurance.close();
    },
  };
}
