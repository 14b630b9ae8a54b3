/**
 * The cross-device endpoints over the real app (inject): starting a handoff needs the
 * session's client token, only that token can follow it, the phone's claim checks the
 * animated code (malformed, forged, future, stale) and succeeds once, and the follow answer
 * moves waiting → connected → the session's outcome (completed, cancelled, expired).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrCode } from '../../src/api/widget/qr-code.js';
import { builtWidget } from '../browser/support/built-widget.js';
import { startSandboxGateway, type SandboxGateway } from '../browser/support/sandbox-gateway.js';
import { cardSign } from '../sessions/fixtures.js';
import { createSession, inject } from './support.js';

let gw: SandboxGateway;
beforeAll(async () => {
  gw = await startSandboxGateway({ assetsDir: (await builtWidget()).dir });
});
afterAll(async () => gw?.stop());

async function handoff(token: string, body: unknown = {}): Promise<string> {
  const r = await inject(gw, 'POST', '/widget/api/handoffs', { token, body });
  expect(r.status).toBe(201);
  expect(r.headers['cache-control']).toBe('no-store');
  return r.json.id as string;
}

const codeFrom = (url: string): { t: string; c: string } => {
  const u = new URL(url);
  return { t: u.searchParams.get('t')!, c: u.searchParams.get('c')! };
};

describe('handoff endpoints', () => {
  it('start: 401 ERR_UNAUTHORIZED without a token or with an unknown one; 400 ERR_VALIDATION for a bad card id', async () => {
    expect((await inject(gw, 'POST', '/widget/api/handoffs', { body: {} })).json.code).toBe('ERR_UNAUTHORIZED');
    const unknown = await inject(gw, 'POST', '/widget/api/handoffs', { token: `ct_${'x'.repeat(43)}`, body: {} });
    expect([unknown.status, unknown.json.code]).toEqual([401, 'ERR_UNAUTHORIZED']);
    const { clientToken } = await createSession(gw);
    const bad = await inject(gw, 'POST', '/widget/api/handoffs', {
      token: clientToken,
      body: { sandboxCardId: '../x' },
    });
    expect([bad.status, bad.json.code]).toEqual([400, 'ERR_VALIDATION']);
  });

  it('follow: only the token that started it (404 ERR_NOT_FOUND otherwise); waiting with the current QR URL', async () => {
    const a = await createSession(gw);
    const b = await createSession(gw);
    const id = await handoff(a.clientToken);
    const other = await inject(gw, 'GET', `/widget/api/handoffs/${id}`, { token: b.clientToken });
    expect([other.status, other.json.code]).toEqual([404, 'ERR_NOT_FOUND']);
    expect((await inject(gw, 'GET', '/widget/api/handoffs/hf_nope', { token: a.clientToken })).json.code).toBe(
      'ERR_NOT_FOUND',
    );
    expect((await inject(gw, 'GET', `/widget/api/handoffs/${id}`)).json.code).toBe('ERR_UNAUTHORIZED');
    const r = await inject(gw, 'GET', `/widget/api/handoffs/${id}`, { token: a.clientToken });
    expect(r.json.state).toBe('waiting');
    const qr = r.json.qr as { url: string; elapsed: number };
    expect(qr.url).toMatch(new RegExp(`^${gw.url}/widget/m/${id}\\?t=\\d+&c=[A-Za-z0-9_-]{22}$`));
    gw.advance(2000);
    const later = (await inject(gw, 'GET', `/widget/api/handoffs/${id}`, { token: a.clientToken })).json.qr as {
      url: string;
      elapsed: number;
    };
    expect(later.elapsed).toBe(qr.elapsed + 2);
    expect(later.url).not.toBe(qr.url);
  });

  it('claim: 401 for malformed, forged or future codes, 410 ERR_SESSION_EXPIRED when stale, 404 unknown, 409 ERR_CONFLICT the second time', async () => {
    const s = await createSession(gw);
    const id = await handoff(s.clientToken);
    const claim = (body: unknown, hid = id) => inject(gw, 'POST', `/widget/api/handoffs/${hid}/claim`, { body });
    expect((await claim({ t: 'x', c: 'y' })).json.code).toBe('ERR_UNAUTHORIZED');
    expect((await claim({ t: '0', c: 'A'.repeat(22) })).json.code).toBe('ERR_UNAUTHORIZED');
    const future = await claim({ t: '999', c: 'A'.repeat(22) });
    expect([future.status, future.json.code]).toEqual([401, 'ERR_UNAUTHORIZED']);
    expect((await claim({ t: '0', c: 'A'.repeat(22) }, 'hf_AAAAAAAAAAAAAAAAAAAAAA')).json.code).toBe('ERR_NOT_FOUND');
    const current = codeFrom(
      ((await inject(gw, 'GET', `/widget/api/handoffs/${id}`, { token: s.clientToken })).json.qr as { url: string })
        .url,
    );
    gw.advance(60_000);
    const stale = await claim(current);
    expect([stale.status, stale.json.code]).toEqual([410, 'ERR_SESSION_EXPIRED']);
    const fresh = codeFrom(
      ((await inject(gw, 'GET', `/widget/api/handoffs/${id}`, { token: s.clientToken })).json.qr as { url: string })
        .url,
    );
    const ok = await claim(fresh);
    expect(ok.status).toBe(200);
    expect(ok.json.clientToken).toBe(s.clientToken);
    expect(ok.headers['cache-control']).toBe('no-store');
    const again = await claim(fresh);
    expect([again.status, again.json.code]).toEqual([409, 'ERR_CONFLICT']);
    expect((await inject(gw, 'GET', `/widget/api/handoffs/${id}`, { token: s.clientToken })).json).toEqual({
      state: 'connected',
    });
  });

  it('follow: the phone signs → completed; the RP cancels → cancelled with its hint; the TTL passes → expired', async () => {
    const { id: cardId, card } = gw.sandbox.cards.issue({});
    const s = await createSession(gw, 'signing');
    const id = await handoff(s.clientToken, { sandboxCardId: cardId });
    const { t } = codeFrom(
      ((await inject(gw, 'GET', `/widget/api/handoffs/${id}`, { token: s.clientToken })).json.qr as { url: string })
        .url,
    );
    const secretless = await inject(gw, 'POST', `/widget/api/handoffs/${id}/claim`, {
      body: { t, c: qrCode(Buffer.alloc(32), id, Number(t)) },
    });
    expect(secretless.json.code).toBe('ERR_UNAUTHORIZED'); // a guessed secret does not forge the code
    const url = (
      (await inject(gw, 'GET', `/widget/api/handoffs/${id}`, { token: s.clientToken })).json.qr as { url: string }
    ).url;
    const phone = await inject(gw, 'POST', `/widget/api/handoffs/${id}/claim`, { body: codeFrom(url) });
    expect(phone.json.sandboxCardId).toBe(cardId);
    const token = phone.json.clientToken as string;
    const material = await inject(gw, 'GET', `/widget/api/sandbox/cards/${cardId}`);
    expect(material.json).toMatchObject({ id: cardId, label: card.identity.name });
    const prepared = await inject(gw, 'POST', '/v1/client/session/data-to-sign', {
      token,
      body: { certificate: Buffer.from(card.signing.der).toString('base64') },
    });
    const submitted = await inject(gw, 'POST', '/v1/client/session/signature', {
      token,
      body: { signatureValue: cardSign(card, prepared.json.digestInfo as string) },
    });
    expect(submitted.json.status).toBe('completed');
    await expect
      .poll(async () => (await inject(gw, 'GET', `/widget/api/handoffs/${id}`, { token: s.clientToken })).json)
      .toEqual({
        state: 'completed',
      });

    const c = await createSession(gw);
    const cid = await handoff(c.clientToken);
    expect((await inject(gw, 'POST', `/v1/sessions/${c.id}/cancel`, { token: gw.apiKey, body: {} })).status).toBe(200);
    await expect
      .poll(async () => (await inject(gw, 'GET', `/widget/api/handoffs/${cid}`, { token: c.clientToken })).json)
      .toEqual({
        state: 'cancelled',
        hint: 'cancelled_by_rp',
      });

    const e = await createSession(gw);
    const eid = await handoff(e.clientToken);
    gw.advance(11 * 60_000);
    await expect
      .poll(async () => (await inject(gw, 'GET', `/widget/api/handoffs/${eid}`, { token: e.clientToken })).json.state)
      .toBe('expired');
  });

  it('sandbox cards for the phone: 404 ERR_NOT_FOUND for an unknown or malformed id', async () => {
    expect((await inject(gw, 'GET', '/widget/api/sandbox/cards/card_nope')).json.code).toBe('ERR_NOT_FOUND');
    expect((await inject(gw, 'GET', '/widget/api/sandbox/cards/x..y')).json.code).toBe('ERR_NOT_FOUND');
  });
});
