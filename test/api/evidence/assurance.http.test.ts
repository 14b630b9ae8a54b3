/**
 * Issue 6 over REAL HTTP, wired as README shows: a completed session's evidence (owner only,
 * no-store) and its export, its signed session.completed webhook to a real receiver, the audit
 * chain of it all (intact, ids only), monitors and certificate status with their refusals,
 * dead letters listed and re-driven.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readChains } from '../../../src/audit/chain/read-chains.js';
import { verifyChain } from '../../../src/audit/chain/verify-chain.js';
import { ORIGIN, card, certB64 } from '../../sessions/fixtures.js';
import { call } from '../sessions/support.js';
import { widgetSigns } from '../sessions/widget.js';
import { startReceiver, type Receiver } from '../../webhooks/receiver.js';
import { KEYS, SECRET, startAssuranceGateway, type AssuranceGateway } from './support.js';

let gw: AssuranceGateway;
let rx: Receiver;
let sessionId: string;
let evidenceId: string;
const dir = mkdtempSync(join(tmpdir(), 'jpki-assurance-'));

beforeAll(async () => {
  rx = await startReceiver(SECRET);
  gw = await startAssuranceGateway({ GATEWAY_EVIDENCE_DIR: dir, GATEWAY_AUDIT_WRITER: 'gw-test' });
});
afterAll(async () => {
  await gw?.stop();
  await rx?.close();
});

describe('a completed identity session', () => {
  it('is recorded as evidence, announced by a signed webhook, and audited', async () => {
    const created = await call(gw.url, 'POST', '/v1/sessions', KEYS.brokerage, {
      type: 'identity',
      purpose: '証券口座の開設',
      origin: ORIGIN,
      include: ['basic4'],
      webhookUrl: rx.url,
      reference: 'app-0042',
    });
    expect(created.status).toBe(201);
    sessionId = created.json.id as string;
    const run = await widgetSigns(gw.url, created.json.clientToken as string, card('valid'));
    expect(run.submitted.json).toEqual({ status: 'completed' });
    await gw.assurance.settled();

    const s = await call(gw.url, 'GET', `/v1/sessions/${sessionId}`, KEYS.brokerage);
    evidenceId = (s.json.result as { evidenceId: string }).evidenceId;
    const ev = await call(gw.url, 'GET', `/v1/evidence/${evidenceId}`, KEYS.brokerage);
    expect(ev.status).toBe(200);
    expect(ev.headers.get('cache-control')).toBe('no-store');
    expect(ev.json).toMatchObject({
      id: evidenceId,
      sessionId,
      type: 'identity',
      record: {
        method: { code: 'jpki' },
        reference: 'app-0042',
        identity: { name: card('valid').identity.name },
        revocation: { crlMaterial: 'archived' },
      },
    });

    await rx.waitFor(1);
    const got = rx.received[0]!;
    expect(got.check.ok).toBe(true);
    expect(got.body).toMatchObject({ type: 'session.completed', data: { sessionId, status: 'completed' } });
    expect(got.rawBody).not.toContain(card('valid').identity.name);
  });

  it('owner only: another tenant gets 404 for the record and its export; unknown ids 404', async () => {
    for (const path of [`/v1/evidence/${evidenceId}`, `/v1/evidence/${evidenceId}/export`]) {
      expect(await call(gw.url, 'GET', path, KEYS.other)).toMatchObject({
        status: 404,
        json: { code: 'ERR_NOT_FOUND' },
      });
    }
    expect((await call(gw.url, 'GET', '/v1/evidence/evd_AAAAAAAAAAAAAAAAAAAAAA', KEYS.brokerage)).status).toBe(404);
    expect((await call(gw.url, 'GET', `/v1/evidence/${evidenceId}`)).status).toBe(401);
  });

  it('the export is self-contained: record, its hash, the CRL, and the verify command', async () => {
    const ex = await call(gw.url, 'GET', `/v1/evidence/${evidenceId}/export`, KEYS.brokerage);
    expect(ex.status).toBe(200);
    expect(ex.headers.get('content-disposition')).toBe(`attachment; filename="${evidenceId}.json"`);
    expect(ex.json).toMatchObject({
      format: 'jpki-gateway/evidence-export/v1',
      record: { id: evidenceId },
      crls: [{ der: expect.any(String) }],
      verification: { command: expect.arrayContaining(['verify', '--crl', 'crl-1.der', 'signature.p7s']) },
    });
  });
});

describe('monitors and certificate status over HTTP', () => {
  let monitorId: string;
  it('POST /v1/monitors for the completed session → 201; GET, list, DELETE → 204, then 404', async () => {
    const m = await call(gw.url, 'POST', '/v1/monitors', KEYS.brokerage, { sessionId, webhookUrl: rx.url });
    expect(m.status).toBe(201);
    monitorId = m.json.id as string;
    expect(m.headers.get('location')).toBe(`/v1/monitors/${monitorId}`);
    expect(m.json).toMatchObject({ sessionId, status: 'active', partition: 'signing/tokyo-to/chiyoda-ku' });
    expect(m.json.tenantId).toBeUndefined();
    expect((await call(gw.url, 'GET', `/v1/monitors/${monitorId}`, KEYS.brokerage)).json.id).toBe(monitorId);
    expect((await call(gw.url, 'GET', `/v1/monitors/${monitorId}`, KEYS.other)).status).toBe(404);
    const list = await call(gw.url, 'GET', '/v1/monitors?limit=5', KEYS.brokerage);
    expect((list.json.monitors as { id: string }[]).map((x) => x.id)).toEqual([monitorId]);
    expect((await call(gw.url, 'GET', '/v1/monitors?limit=abc', KEYS.brokerage)).status).toBe(400);
    expect((await call(gw.url, 'DELETE', `/v1/monitors/${monitorId}`, KEYS.other)).status).toBe(404);
    expect((await call(gw.url, 'DELETE', `/v1/monitors/${monitorId}`, KEYS.brokerage)).status).toBe(204);
    expect((await call(gw.url, 'GET', `/v1/monitors/${monitorId}`, KEYS.brokerage)).status).toBe(404);
  });

  it.each([
    [{ webhookUrl: 'https://rp.example.jp/h' }, 'ERR_MONITOR_INPUT'],
    [{ certificate: 'AAAA', webhookUrl: 'https://rp.example.jp/h' }, 'ERR_MONITOR_INPUT'],
    [
      { certificate: certB64(card('valid').signing.issuer.der), webhookUrl: 'https://rp.example.jp/h' },
      'ERR_MONITOR_UNSUPPORTED_CERTIFICATE',
    ],
    [
      { sessionId: 'ses_0000000000000000000000', webhookUrl: 'https://rp.example.jp/h' },
      'ERR_MONITOR_SESSION_NOT_COMPLETED',
    ],
    [{ certificate: certB64(card('valid').signing.der), webhookUrl: 'http://rp.example.jp/h' }, 'ERR_WEBHOOK_URL'],
  ])('refuses %j: 400 with %s first in the detail', async (body, code) => {
    const r = await call(gw.url, 'POST', '/v1/monitors', KEYS.brokerage, body);
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('ERR_VALIDATION');
    expect(r.json.detail!.startsWith(`${code}:`)).toBe(true);
  });

  it('scopes: monitors need identity or verify, status needs verify', async () => {
    const body = { certificate: certB64(card('valid').signing.der), webhookUrl: rx.url };
    expect((await call(gw.url, 'POST', '/v1/monitors', KEYS.signOnly, body)).status).toBe(403);
    const st = await call(gw.url, 'POST', '/v1/certificates/status', KEYS.signOnly, { certificate: body.certificate });
    expect(st).toMatchObject({ status: 403, json: { code: 'ERR_FORBIDDEN_SCOPE' } });
  });

  it('POST /v1/certificates/status: valid now, revoked with its meaning', async () => {
    const ok = await call(gw.url, 'POST', '/v1/certificates/status', KEYS.brokerage, {
      certificate: certB64(card('valid').signing.der),
    });
    expect(ok.json).toMatchObject({ status: 'valid', report: { indication: 'TOTAL_PASSED' } });
    const rev = await call(gw.url, 'POST', '/v1/certificates/status', KEYS.brokerage, {
      certificate: certB64(card('revoked').signing.der),
    });
    expect(rev.json).toMatchObject({
      status: 'revoked',
      reason: 'affiliationChanged',
      reasonMeaning: expect.stringContaining('re-verify'),
    });
  });
});

describe('dead letters over HTTP', () => {
  it('a receiver that keeps failing: dead letter listed, re-driven (202), delivered; unknown ids 404', async () => {
    rx.fallback = '500';
    rx.received.length = 0;
    try {
      const created = await call(gw.url, 'POST', '/v1/sessions', KEYS.brokerage, {
        type: 'identity',
        purpose: '口座開設',
        origin: ORIGIN,
        webhookUrl: `${rx.url}/failing`,
      });
      await widgetSigns(gw.url, created.json.clientToken as string, card('valid'));
      await gw.assurance.settled();
      for (let i = 0; i < 3; i++) {
        gw.clock.advance(60_000);
        await gw.assurance.dispatcher.runOnce();
      }
    } finally {
      rx.fallback = 'ok';
    }
    const dead = await call(gw.url, 'GET', '/v1/webhooks/dead-letters', KEYS.brokerage);
    const letters = dead.json.deadLetters as { id: string; attempts: number; lastError: { code: string } }[];
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ attempts: 2, lastError: { code: 'ERR_WEBHOOK_STATUS' } });
    expect((await call(gw.url, 'GET', '/v1/webhooks/dead-letters', KEYS.other)).json.deadLetters).toEqual([]);
    const id = letters[0]!.id;
    expect((await call(gw.url, 'POST', `/v1/webhooks/dead-letters/${id}/redrive`, KEYS.other)).status).toBe(404);
    const redriven = await call(gw.url, 'POST', `/v1/webhooks/dead-letters/${id}/redrive`, KEYS.brokerage);
    expect(redriven).toMatchObject({ status: 202, json: { id, status: 'queued' } });
    await gw.assurance.dispatcher.runOnce();
    expect(rx.received.at(-1)!.answer).toBe('ok');
    expect((await call(gw.url, 'GET', '/v1/webhooks/dead-letters', KEYS.brokerage)).json.deadLetters).toEqual([]);
  });
});

describe('the audit chain of all this', () => {
  it('is intact on disk and holds every security event, with ids only', async () => {
    await gw.assurance.settled();
    const [chain] = await readChains(dir);
    expect(chain!.writer).toBe('gw-test');
    const result = verifyChain(chain!.segments);
    expect(result).toMatchObject({ ok: true, head: gw.assurance.audit.head() });
    const text = chain!.segments.map((x) => x.text).join('');
    const types = new Set(
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { type: string }).type),
    );
    for (const t of [
      'api_key.used',
      'api_key.rejected',
      'session.created',
      'session.completed',
      'evidence.recorded',
      'evidence.read',
      'evidence.exported',
      'monitor.created',
      'monitor.deleted',
      'webhook.dead_lettered',
      'webhook.redriven',
    ])
      expect(types, t).toContain(t);
    expect(text).toContain(`"evidenceId":"${evidenceId}"`);
    const c = card('valid');
    for (const personal of [c.identity.name, c.identity.address, c.myNumber, KEYS.brokerage, SECRET])
      expect(text).not.toContain(personal);
  });
});
