/**
 * Monitors: created for a certificate or a completed session of the tenant, owner-only reads,
 * list and delete, each refusal its own code; audited with ids only.
 */
import { describe, expect, it } from 'vitest';
import { createChainedAuditLog } from '../../src/audit/chain/create-chained-audit-log.js';
import { createMemoryChainSink } from '../../src/audit/chain/memory-chain-sink.js';
import { createMonitorService } from '../../src/monitors/create-monitor-service.js';
import { createMemoryMonitorStore } from '../../src/monitors/memory/memory-monitor-store.js';
import { pki } from '../revocation/manager/fixtures.js';
import { REQUESTS, endedSession } from '../evidence/fixtures.js';
import { card, certB64, codeOf, harness } from '../sessions/fixtures.js';

const URL = 'https://rp.example.jp/hooks';

async function setup() {
  const h = harness();
  const sink = createMemoryChainSink();
  const audit = await createChainedAuditLog({ sink, clock: h.clock });
  const service = createMonitorService({
    monitors: createMemoryMonitorStore(),
    sessions: h.stores.sessions,
    clock: h.clock,
    audit,
  });
  return { h, sink, service };
}

describe('monitor service', () => {
  it('for a certificate: ids only (sha256, serial, issuer, partition), active', async () => {
    const { service, sink } = await setup();
    const c = card('valid');
    const m = await service.create('brokerage', { certificate: certB64(c.signing.der), webhookUrl: URL });
    expect(m).toMatchObject({
      id: expect.stringMatching(/^mon_[A-Za-z0-9]{22}$/),
      tenantId: 'brokerage',
      webhookUrl: URL,
      status: 'active',
      partition: 'signing/tokyo-to/chiyoda-ku',
      certificate: { serialNumber: c.signing.serial.toLowerCase() },
    });
    expect(JSON.stringify(m)).not.toContain(c.identity.name);
    expect(sink.text).toContain('"type":"monitor.created"');
  });

  it('for a completed session of the tenant: its signing certificate; not for a failed or foreign one', async () => {
    const { h, service } = await setup();
    const done = await endedSession(h, REQUESTS.identity);
    const m = await service.create('brokerage', { sessionId: done.id, webhookUrl: URL });
    expect(m).toMatchObject({
      sessionId: done.id,
      certificate: { serialNumber: card('valid').signing.serial.toLowerCase() },
    });
    const failed = await endedSession(h, REQUESTS.identity, 'revoked');
    expect(await codeOf(service.create('brokerage', { sessionId: failed.id, webhookUrl: URL }))).toBe(
      'ERR_MONITOR_SESSION_NOT_COMPLETED',
    );
    expect(await codeOf(service.create('bank', { sessionId: done.id, webhookUrl: URL }))).toBe(
      'ERR_MONITOR_SESSION_NOT_COMPLETED',
    );
  });

  it('refusals: not exactly one subject, not a certificate, no JPKI partition, a bad URL, a long reference', async () => {
    const { service } = await setup();
    const cert = certB64(card('valid').signing.der);
    expect(await codeOf(service.create('brokerage', { webhookUrl: URL }))).toBe('ERR_MONITOR_INPUT');
    expect(await codeOf(service.create('brokerage', { certificate: cert, sessionId: 'ses_x', webhookUrl: URL }))).toBe(
      'ERR_MONITOR_INPUT',
    );
    expect(await codeOf(service.create('brokerage', { certificate: 'AAAA', webhookUrl: URL }))).toBe(
      'ERR_MONITOR_INPUT',
    );
    expect(
      await codeOf(service.create('brokerage', { certificate: cert, webhookUrl: URL, reference: 'x'.repeat(129) })),
    ).toBe('ERR_MONITOR_INPUT');
    const root = certB64(pki.root('signing').der); // a root names no CRL partition
    expect(await codeOf(service.create('brokerage', { certificate: root, webhookUrl: URL }))).toBe(
      'ERR_MONITOR_UNSUPPORTED_CERTIFICATE',
    );
    expect(await codeOf(service.create('brokerage', { certificate: cert, webhookUrl: 'http://rp.example.jp/' }))).toBe(
      'ERR_WEBHOOK_URL',
    );
  });

  it('get, list (newest first) and delete are owner-only; unknown ids are ERR_MONITOR_NOT_FOUND', async () => {
    const { h, service, sink } = await setup();
    const cert = certB64(card('valid').signing.der);
    const a = await service.create('brokerage', { certificate: cert, webhookUrl: URL });
    h.clock.advance(1000);
    const b = await service.create('brokerage', { certificate: cert, webhookUrl: URL });
    await service.create('bank', { certificate: cert, webhookUrl: URL });
    expect((await service.list('brokerage', 10)).map((m) => m.id)).toEqual([b.id, a.id]);
    expect(await service.get('brokerage', a.id)).toEqual(a);
    expect(await codeOf(service.get('bank', a.id))).toBe('ERR_MONITOR_NOT_FOUND');
    expect(await codeOf(service.get('brokerage', 'mon_nope'))).toBe('ERR_MONITOR_NOT_FOUND');
    expect(await codeOf(service.delete('bank', a.id))).toBe('ERR_MONITOR_NOT_FOUND');
    await service.delete('brokerage', a.id);
    expect(await codeOf(service.delete('brokerage', a.id))).toBe('ERR_MONITOR_NOT_FOUND');
    expect((await service.list('brokerage', 10)).map((m) => m.id)).toEqual([b.id]);
    expect(sink.text).toContain(`"type":"monitor.deleted"`);
  });
});
