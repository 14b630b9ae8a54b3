/**
 * Identity and signing sessions over REAL HTTP (the app listens on port 0; fetch is the
 * client): every flow of issue 5 against sandbox cards, each refusal with its status and code.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCms } from '../../../src/sandbox/cms.js';
import { ORIGIN, card } from '../../sessions/fixtures.js';
import { KEYS, call, startGateway, type Gateway } from './support.js';
import { widgetSigns } from './widget.js';

const identity = { type: 'identity', purpose: '証券口座の開設（犯収法に基づく本人確認）', origin: ORIGIN };
const withMyNumber = { ...identity, include: ['basic4', 'my_number'] };
const DOC = Buffer.from('%PDF-1.7 金銭消費貸借契約書 (sandbox)');
const signing = {
  type: 'signing',
  purpose: '金銭消費貸借契約の締結',
  origin: ORIGIN,
  document: {
    name: 'loan.pdf',
    digest: createHash('sha256').update(DOC).digest('base64'),
    mediaType: 'application/pdf',
  },
};

// Every flow twice: verification on the event loop, and on a worker thread as the server runs it.
describe.each([{ workers: 0 }, { workers: 1 }])('verifier workers: $workers', ({ workers }) => {
  let gw: Gateway;
  beforeAll(async () => {
    gw = await startGateway({ workers });
  });
  afterAll(async () => {
    await gw?.stop();
  });

  const create = async (body: unknown, key: string = KEYS.brokerage, headers: Record<string, string> = {}) =>
    call(gw.url, 'POST', '/v1/sessions', key, body, headers);
  const session = async (id: string, key: string = KEYS.brokerage) => call(gw.url, 'GET', `/v1/sessions/${id}`, key);
  // The result's shape is asserted field by field below; loosely typed for that.
  type Loose = Record<
    string,
    Record<string, unknown> & { sha256?: string; subIndication?: string; indication?: string }
  >;
  const resultOf = (a: { json: Record<string, unknown> }): Loose => a.json.result as Loose;

  describe('identity session over HTTP', () => {
    it('valid card with the My Number: completed; the result; the number once, then 410', async () => {
      const c = card('valid');
      const created = await create(withMyNumber);
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(`/v1/sessions/${created.json.id}`);
      expect(created.json).toMatchObject({
        type: 'identity',
        status: 'pending',
        widgetUrl: `https://gateway.example.jp/widget/#${created.json.id}`,
      });

      const run = await widgetSigns(gw.url, created.json.clientToken as string, c);
      expect(run.view.status).toBe(200);
      expect(run.view.json).toMatchObject({
        rp: { name: '見本証券株式会社' },
        origin: ORIGIN,
        shares: ['basic4', 'my_number'],
      });
      expect(run.view.json.statement).toContain('Purpose / 目的: 証券口座の開設');
      expect(run.dataToSign.json).toMatchObject({ digestAlgorithm: 'SHA-256' });
      expect(run.submitted).toMatchObject({ status: 200, json: { status: 'completed' } });

      const s = await session(created.json.id as string);
      expect(s.status).toBe(200);
      expect(s.json).toMatchObject({ status: 'completed', include: ['basic4', 'my_number'] });
      const result = resultOf(s);
      expect(result.report).toMatchObject({ indication: 'TOTAL_PASSED', subIndication: null });
      expect(result.identity).toMatchObject({ name: c.identity.name, address: c.identity.address });
      expect(result.certificate!.sha256).toBe(createHash('sha256').update(c.signing.der).digest('hex'));
      expect(result.evidenceId).toMatch(/^evd_/);
      expect(result.myNumberAvailable).toBe(true);
      expect(typeof result.signature).toBe('string');

      const n1 = await call(gw.url, 'GET', `/v1/sessions/${created.json.id}/my-number`, KEYS.brokerage);
      expect(n1.status).toBe(200);
      expect(n1.headers.get('cache-control')).toBe('no-store');
      expect(n1.json).toEqual({ myNumber: c.myNumber });
      const n2 = await call(gw.url, 'GET', `/v1/sessions/${created.json.id}/my-number`, KEYS.brokerage);
      expect(n2).toMatchObject({ status: 410, json: { code: 'ERR_MY_NUMBER_GONE' } });
      expect(
        ((await session(created.json.id as string)).json.result as { myNumberAvailable: boolean }).myNumberAvailable,
      ).toBe(false);
    });

    it('revoked card: failed, certificate_revoked, the report says REVOKED', async () => {
      const created = await create(identity);
      const run = await widgetSigns(gw.url, created.json.clientToken as string, card('revoked'));
      expect(run.submitted.json).toEqual({ status: 'failed', hint: 'certificate_revoked' });
      const s = await session(created.json.id as string);
      expect(s.json).toMatchObject({ status: 'failed', hint: 'certificate_revoked' });
      expect(resultOf(s).report!.subIndication).toBe('REVOKED');
      expect(resultOf(s).identity).toBeUndefined();
    });

    it('expired card: failed, certificate_expired', async () => {
      const created = await create(identity);
      const run = await widgetSigns(gw.url, created.json.clientToken as string, card('expired'));
      expect(run.submitted.json).toEqual({ status: 'failed', hint: 'certificate_expired' });
    });

    it('wrong purpose: the authentication certificate is refused at data-to-sign (400, reason in detail)', async () => {
      const c = card('valid');
      const created = await create(identity);
      const run = await widgetSigns(gw.url, created.json.clientToken as string, c, {
        certificate: c.authentication.der,
      });
      expect(run.dataToSign).toMatchObject({ status: 400, json: { code: 'ERR_VALIDATION' } });
      expect(run.dataToSign.json.detail).toMatch(/^ERR_SESSION_CERTIFICATE_NOT_ACCEPTED: .*ERR_CERT_WRONG_PURPOSE/);
      expect((await session(created.json.id as string)).json).toMatchObject({
        status: 'pending',
        hint: 'waiting_for_user',
      });
    });

    it('tampered card data: failed, card_data_invalid; the number was never stored (410)', async () => {
      const created = await create(withMyNumber);
      const run = await widgetSigns(gw.url, created.json.clientToken as string, card('tampered'));
      expect(run.submitted.json).toEqual({ status: 'failed', hint: 'card_data_invalid' });
      const s = await session(created.json.id as string);
      expect((s.json.errors as { code: string }[]).map((e) => e.code)).toContain('ERR_CARD_MY_NUMBER_HASH_MISMATCH');
      const n = await call(gw.url, 'GET', `/v1/sessions/${created.json.id}/my-number`, KEYS.brokerage);
      expect(n).toMatchObject({ status: 410, json: { code: 'ERR_MY_NUMBER_GONE' } });
    });

    it('card data missing when the My Number was requested: 400, the session stays pending', async () => {
      const created = await create(withMyNumber);
      const run = await widgetSigns(gw.url, created.json.clientToken as string, card('valid'), { withCardData: false });
      expect(run.submitted).toMatchObject({ status: 400, json: { code: 'ERR_VALIDATION' } });
      expect(run.submitted.json.detail).toMatch(/^ERR_SESSION_CARD_DATA_REQUIRED/);
      expect((await session(created.json.id as string)).json.status).toBe('pending');
    });

    it('client-built CMS over exactly the statement: completed', async () => {
      const c = card('valid');
      const created = await create(identity);
      const token = created.json.clientToken as string;
      const view = await call(gw.url, 'GET', '/v1/client/session', token);
      const cms = signCms({
        content: Buffer.from(view.json.statement as string, 'utf8'),
        certificate: c.signing.der,
        privateKey: c.signing.privateKey,
      });
      const r = await call(gw.url, 'POST', '/v1/client/session/signature', token, {
        signature: Buffer.from(cms).toString('base64'),
      });
      expect(r).toMatchObject({ status: 200, json: { status: 'completed' } });
    });
  });

  describe('signing session over HTTP', () => {
    it('two-step over a document given by SHA-256: completed, a CAdES-B signature in the result', async () => {
      const created = await create(signing);
      const run = await widgetSigns(gw.url, created.json.clientToken as string, card('valid'));
      expect(run.view.json.document).toMatchObject({
        name: 'loan.pdf',
        mediaType: 'application/pdf',
        digest: signing.document.digest,
      });
      expect(run.submitted.json).toEqual({ status: 'completed' });
      const result = (await session(created.json.id as string)).json.result as Record<string, unknown>;
      expect((result.report as { indication: string }).indication).toBe('TOTAL_PASSED');
      expect(Buffer.from(result.signature as string, 'base64')[0]).toBe(0x30);
    });

    it('a client-built CMS for a document given by digest is refused (409), the session stays pending', async () => {
      const c = card('valid');
      const created = await create(signing);
      const cms = signCms({
        content: DOC,
        certificate: c.signing.der,
        privateKey: c.signing.privateKey,
        signingTime: gw.clock.now(),
      });
      const r = await call(gw.url, 'POST', '/v1/client/session/signature', created.json.clientToken as string, {
        signature: Buffer.from(cms).toString('base64'),
      });
      expect(r).toMatchObject({ status: 409, json: { code: 'ERR_CONFLICT' } });
      expect(r.json.detail).toMatch(/^ERR_SESSION_DOCUMENT_CONTENT_REQUIRED/);
    });
  });

  describe('single use over HTTP', () => {
    it('the same client token after completion: 401; the same signature in another session: 409 ERR_REPLAY', async () => {
      const c = card('valid');
      const first = await create(signing);
      const run = await widgetSigns(gw.url, first.json.clientToken as string, c);
      expect(run.submitted.json.status).toBe('completed');
      const again = await call(
        gw.url,
        'POST',
        '/v1/client/session/signature',
        first.json.clientToken as string,
        run.body,
      );
      expect(again).toMatchObject({ status: 401, json: { code: 'ERR_UNAUTHORIZED' } });
      expect((await call(gw.url, 'GET', '/v1/client/session', first.json.clientToken as string)).status).toBe(401);

      const second = await create(signing);
      const t2 = second.json.clientToken as string;
      await call(gw.url, 'POST', '/v1/client/session/data-to-sign', t2, {
        certificate: Buffer.from(c.signing.der).toString('base64'),
      });
      const replay = await call(gw.url, 'POST', '/v1/client/session/signature', t2, {
        signatureValue: run.body.signatureValue,
      });
      expect(replay).toMatchObject({ status: 409, json: { code: 'ERR_REPLAY' } });
      expect(replay.json.detail).toMatch(/^ERR_SESSION_SIGNATURE_REPLAYED/);
      expect((await session(second.json.id as string)).json.status).toBe('pending');
    });

    it('Idempotency-Key on create: the same key and body replay the same session', async () => {
      const a = await create(identity, KEYS.brokerage, { 'idempotency-key': 'create-once-1' });
      const b = await create(identity, KEYS.brokerage, { 'idempotency-key': 'create-once-1' });
      expect(b.status).toBe(201);
      expect(b.json.id).toBe(a.json.id);
    });
  });

  describe('session lifecycle and access over HTTP', () => {
    it('expired session (injected clock): widget 410, RP sees expired, cancel 410', async () => {
      const created = await create(identity);
      gw.clock.advance(600_000);
      try {
        const w = await call(gw.url, 'GET', '/v1/client/session', created.json.clientToken as string);
        expect(w).toMatchObject({ status: 410, json: { code: 'ERR_SESSION_EXPIRED' } });
        expect((await session(created.json.id as string)).json).toMatchObject({ status: 'expired', hint: 'expired' });
        const c = await call(gw.url, 'POST', `/v1/sessions/${created.json.id}/cancel`, KEYS.brokerage);
        expect(c).toMatchObject({ status: 410, json: { code: 'ERR_SESSION_EXPIRED' } });
      } finally {
        gw.clock.advance(-600_000);
      }
    });

    it('cancel: 200 cancelled; again 409; the widget is refused (409)', async () => {
      const created = await create(identity);
      const c1 = await call(gw.url, 'POST', `/v1/sessions/${created.json.id}/cancel`, KEYS.brokerage);
      expect(c1).toMatchObject({ status: 200, json: { status: 'cancelled', hint: 'cancelled_by_rp' } });
      const c2 = await call(gw.url, 'POST', `/v1/sessions/${created.json.id}/cancel`, KEYS.brokerage);
      expect(c2).toMatchObject({ status: 409, json: { code: 'ERR_SESSION_NOT_PENDING' } });
      expect((await call(gw.url, 'GET', '/v1/client/session', created.json.clientToken as string)).status).toBe(409);
    });

    it('wrong tenant: 404 for read, cancel and my-number', async () => {
      const created = await create(withMyNumber);
      const id = created.json.id as string;
      expect((await session(id, KEYS.other)).json.code).toBe('ERR_NOT_FOUND');
      expect((await call(gw.url, 'POST', `/v1/sessions/${id}/cancel`, KEYS.other)).status).toBe(404);
      expect((await call(gw.url, 'GET', `/v1/sessions/${id}/my-number`, KEYS.other)).status).toBe(404);
      expect((await session(id)).json.status).toBe('pending');
    });

    it('missing scope: 403 for an identity session without identity, for the My Number without my_number', async () => {
      const noIdentity = await create(identity, KEYS.signOnly);
      expect(noIdentity).toMatchObject({ status: 403, json: { code: 'ERR_FORBIDDEN_SCOPE' } });
      const noMyNumber = await create(withMyNumber, KEYS.noMyNumber);
      expect(noMyNumber).toMatchObject({ status: 403, json: { code: 'ERR_FORBIDDEN_SCOPE' } });
      const created = await create(withMyNumber);
      const read = await call(gw.url, 'GET', `/v1/sessions/${created.json.id}/my-number`, KEYS.noMyNumber);
      expect(read.status).toBe(403);
    });

    it('origin not registered: 403 ERR_FORBIDDEN_ORIGIN; malformed bodies: 400', async () => {
      expect((await create({ ...identity, origin: 'https://evil.example' })).json.code).toBe('ERR_FORBIDDEN_ORIGIN');
      expect((await create({ ...identity, purpose: 'a\u202Eb' })).status).toBe(400);
      expect((await create({ ...identity, type: 'login' })).status).toBe(400);
    });

    it('no client token, or an API key as client token: 401', async () => {
      expect((await call(gw.url, 'GET', '/v1/client/session')).status).toBe(401);
      expect((await call(gw.url, 'GET', '/v1/client/session', KEYS.brokerage)).status).toBe(401);
    });
  });
});
