/** The evidence module's own rules: production keeps evidence on disk, and API use fails closed without the audit chain. */
import { describe, expect, it } from 'vitest';
import { configLoadedEvent, createEvidenceModule } from '../../../src/api/evidence/index.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { createMemorySessionStore } from '../../../src/storage/sessions/memory-session-store.js';
import { createTenantRegistry } from '../../../src/tenants/tenant-registry.js';
import { manualClock } from '../../storage/contract/manual-clock.js';
import { sandboxVerifier } from '../../sessions/fixtures.js';
import { call } from '../sessions/support.js';
import { KEYS, startAssuranceGateway } from './support.js';

describe('evidence module', () => {
  it('production refuses to run without GATEWAY_EVIDENCE_DIR (7-year records are not kept in memory)', async () => {
    const config = loadConfig({});
    const clock = manualClock();
    await expect(
      createEvidenceModule({
        mode: 'production',
        evidence: config.evidence,
        webhooks: config.webhooks,
        clock,
        tenants: createTenantRegistry([]),
        verifier: sandboxVerifier(clock),
        sessions: createMemorySessionStore(clock),
        caCertificates: [],
      }),
    ).rejects.toThrow(/GATEWAY_EVIDENCE_DIR/);
  });

  it('an API key use that cannot be audited is refused (503), not served unrecorded', async () => {
    const gw = await startAssuranceGateway();
    try {
      expect((await call(gw.url, 'GET', '/v1/monitors', KEYS.brokerage)).status).toBe(200);
      await gw.assurance.audit.close();
      const r = await call(gw.url, 'GET', '/v1/monitors', KEYS.brokerage);
      expect(r).toMatchObject({ status: 503, json: { code: 'ERR_UNAVAILABLE' } });
    } finally {
      await gw.app.close();
    }
  });

  it('config.loaded names the mode and a hash of the configuration, never a secret', () => {
    const vault = JSON.stringify([{ id: 'k1', key: Buffer.alloc(32, 7).toString('base64') }]);
    const a = configLoadedEvent(loadConfig({ GATEWAY_VAULT_KEYS: vault }));
    expect(a).toMatchObject({
      type: 'config.loaded',
      ids: { mode: 'sandbox', configSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(JSON.stringify(a)).not.toContain(Buffer.alloc(32, 7).toString('base64'));
    expect(configLoadedEvent(loadConfig({ GATEWAY_VAULT_KEYS: vault }))).toEqual(a);
    expect(configLoadedEvent(loadConfig({ GATEWAY_WEBHOOK_MAX_ATTEMPTS: '3' })).ids.configSha256).not.toBe(
      a.ids.configSha256,
    );
  });
});
