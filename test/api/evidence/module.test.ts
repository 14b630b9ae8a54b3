/** The evidence module's own rules: production keeps evidence on disk, and API use fails closed without the audit chain. */
import { describe, expect, it } from 'vitest';
import { createEvidenceModule } from '../../../src/api/evidence/index.js';
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
});
