/**
 * The demo backend holds the demo tenant's API key server-side: no page, script or answer of
 * the demo ever contains it; the browser gets only a session id and client token. Demo pages
 * have CSP default-src 'self' and send visitors to the public origin (the tenant's only one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtWidget } from '../browser/support/built-widget.js';
import { startSandboxGateway, type SandboxGateway } from '../browser/support/sandbox-gateway.js';
import { inject, type Reply } from './support.js';

let gw: SandboxGateway;
beforeAll(async () => {
  gw = await startSandboxGateway({ assetsDir: (await builtWidget()).dir });
});
afterAll(async () => gw?.stop());

const host = (): Record<string, string> => ({ host: new URL(gw.url).host });

describe('demo', () => {
  it('never hands the API key to the browser', async () => {
    const seen: Reply[] = [];
    for (const url of [
      '/demo/',
      '/demo/securities',
      '/demo/bank?lang=en',
      '/demo/demo.js',
      '/demo/demo.css',
      '/widget/embed.js',
    ])
      seen.push(await inject(gw, 'GET', url, { headers: host() }));
    const card = await inject(gw, 'POST', '/demo/api/cards', { body: { identity: { name: '見本　次郎' } } });
    expect(card.status).toBe(201);
    expect(card.json.label).toBe('見本　次郎');
    seen.push(card);
    for (const demo of ['securities', 'bank']) {
      const s = await inject(gw, 'POST', '/demo/api/sessions', { body: { demo } });
      expect(s.status).toBe(201);
      expect(Object.keys(s.json).sort()).toEqual(['clientToken', 'sessionId']);
      seen.push(s, await inject(gw, 'GET', `/demo/api/sessions/${s.json.sessionId as string}`));
    }
    seen.push(await inject(gw, 'POST', `/demo/api/cards/${card.json.id as string}/revoke`, { body: {} }));
    for (const r of seen) {
      expect(r.body).not.toContain(gw.apiKey);
      expect(r.body).not.toContain(gw.apiKey.slice(-16));
    }
  });

  it('pages: CSP default-src self, no inline script; the wrong host is sent to the public origin', async () => {
    const page = await inject(gw, 'GET', '/demo/securities', { headers: host() });
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page.body).toContain('<script src="/widget/embed.js"></script>');
    const moved = await inject(gw, 'GET', '/demo/bank?lang=en', { headers: { host: 'localhost:1' } });
    expect([moved.status, moved.headers.location]).toEqual([302, `${gw.url}/demo/bank?lang=en`]);
  });

  it('refusals: 400 ERR_VALIDATION for an unknown demo, 404 ERR_NOT_FOUND for bad ids, 409 ERR_CONFLICT revoking twice', async () => {
    const bad = await inject(gw, 'POST', '/demo/api/sessions', { body: { demo: 'casino' } });
    expect([bad.status, bad.json.code]).toEqual([400, 'ERR_VALIDATION']);
    expect((await inject(gw, 'GET', '/demo/api/sessions/%2e%2e')).json.code).toBe('ERR_NOT_FOUND');
    expect((await inject(gw, 'POST', '/demo/api/cards/nope/revoke', { body: {} })).json.code).toBe('ERR_NOT_FOUND');
    const card = await inject(gw, 'POST', '/demo/api/cards', { body: { identity: { name: '見本　三郎' } } });
    const id = card.json.id as string;
    expect((await inject(gw, 'POST', `/demo/api/cards/${id}/revoke`, { body: {} })).status).toBe(200);
    const twice = await inject(gw, 'POST', `/demo/api/cards/${id}/revoke`, { body: {} });
    expect([twice.status, twice.json.code]).toEqual([409, 'ERR_CONFLICT']);
  });
});
