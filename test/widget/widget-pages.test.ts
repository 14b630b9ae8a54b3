/**
 * The widget's pages and files over the real app: CSP default-src 'self' everywhere (frame
 * ancestors: the tenants' origins for the iframe, none for the other pages), no inline script,
 * the built files with ETags, a clear 503 when the bundle is missing, the full-page POST's
 * checks (token shape, dead token, posting origin, return URL origin), and sandbox-only parts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWidgetModule } from '../../src/api/widget/index.js';
import { systemClock } from '../../src/clock.js';
import { builtWidget } from '../browser/support/built-widget.js';
import { startSandboxGateway, type SandboxGateway } from '../browser/support/sandbox-gateway.js';
import { createSession, inject } from './support.js';

let gw: SandboxGateway;
beforeAll(async () => {
  gw = await startSandboxGateway({ assetsDir: (await builtWidget()).dir });
});
afterAll(async () => gw?.stop());

const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const metaOf = (html: string, name: string): string | undefined =>
  new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(html)?.[1];

describe('widget pages', () => {
  it('the iframe page: CSP default-src self, framed only by the gateway and tenant origins, no inline script', async () => {
    const r = await inject(gw, 'GET', '/widget/frame');
    expect(r.status).toBe(200);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`frame-ancestors 'self' ${gw.url}`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.body).toContain('data-mode="frame"');
    expect(r.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // every script has a src
    expect(r.body).not.toMatch(/style=/);
  });

  it('the phone and full pages cannot be framed', async () => {
    for (const url of ['/widget/m/hf_AAAAAAAAAAAAAAAAAAAAAA', '/widget/']) {
      const r = await inject(gw, 'GET', url);
      expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    }
  });

  it("the phone app's universal link lands on an explanation when the app is missing (no token reaches the server)", async () => {
    const r = await inject(gw, 'GET', '/app/card/v1');
    expect(r.status).toBe(200);
    expect(r.body).toContain('カード読み取りアプリが必要です');
    expect(String(r.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('built files with ETags (304 when unchanged); embed.js may be loaded cross-origin', async () => {
    const app = await inject(gw, 'GET', '/widget/app.js');
    expect(app.status).toBe(200);
    expect(String(app.headers['content-type'])).toContain('text/javascript');
    const again = await inject(gw, 'GET', '/widget/app.js', { headers: { 'if-none-match': String(app.headers.etag) } });
    expect(again.status).toBe(304);
    const embed = await inject(gw, 'GET', '/widget/embed.js');
    expect(embed.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect((await inject(gw, 'GET', '/widget/widget.css')).status).toBe(200);
  });

  it('503 ERR_UNAVAILABLE when the bundle was not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'jpki-no-widget-'));
    const { default: Fastify } = await import('fastify');
    const app = Fastify();
    const m = createWidgetModule({
      mode: 'sandbox',
      clock: systemClock,
      publicUrl: gw.url,
      service: {} as never,
      assetsDir: empty,
    });
    const { registerErrorMapper } = await import('../../src/api/error-mapper.js');
    const { createMetrics } = await import('../../src/observability/metrics.js');
    registerErrorMapper(app, createMetrics());
    await m.routes({ app } as never);
    const r = await app.inject({ method: 'GET', url: '/widget/app.js' });
    expect([r.statusCode, r.json().code]).toEqual([503, 'ERR_UNAVAILABLE']);
    await app.close();
  });

  it('the sandbox is refused in production mode (TypeError), and production has no sandbox card route', () => {
    expect(() =>
      createWidgetModule({
        mode: 'production',
        clock: systemClock,
        publicUrl: gw.url,
        service: {} as never,
        sandbox: gw.sandbox,
      }),
    ).toThrow(TypeError);
  });
});

describe('full-page mode (POST /widget/)', () => {
  it('400 ERR_VALIDATION for a missing or malformed token', async () => {
    const r = await inject(gw, 'POST', '/widget/', { body: form({ clientToken: 'nope' }), headers: FORM });
    expect([r.status, r.json.code]).toEqual([400, 'ERR_VALIDATION']);
  });

  it('a live token: the page carries it and the return URL (same origin as the session), never cached', async () => {
    const s = await createSession(gw);
    const r = await inject(gw, 'POST', '/widget/', {
      body: form({ clientToken: s.clientToken, returnUrl: `${gw.url}/done?x=1`, lang: 'en' }),
      headers: { ...FORM, origin: gw.url },
    });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(metaOf(r.body, 'jpki-client-token')).toBe(s.clientToken);
    expect(metaOf(r.body, 'jpki-return-url')).toBe(`${gw.url}/done?x=1`);
    expect(r.body).toContain('<html lang="en">');
  });

  it('a return URL on another origin is dropped', async () => {
    const s = await createSession(gw);
    const r = await inject(gw, 'POST', '/widget/', {
      body: form({ clientToken: s.clientToken, returnUrl: 'https://phish.example/steal' }),
      headers: FORM,
    });
    expect(metaOf(r.body, 'jpki-client-token')).toBe(s.clientToken);
    expect(metaOf(r.body, 'jpki-return-url')).toBeUndefined();
  });

  it('posted from another origin: no token in the page, an origin-mismatch warning instead', async () => {
    const s = await createSession(gw);
    const r = await inject(gw, 'POST', '/widget/', {
      body: form({ clientToken: s.clientToken }),
      headers: { ...FORM, origin: 'https://phish.example' },
    });
    expect(metaOf(r.body, 'jpki-client-token')).toBeUndefined();
    expect(metaOf(r.body, 'jpki-error')).toBe('origin_mismatch');
  });

  it('a dead token: the page explains, without the token', async () => {
    const r = await inject(gw, 'POST', '/widget/', {
      body: form({ clientToken: `ct_${'a'.repeat(43)}` }),
      headers: FORM,
    });
    expect(r.status).toBe(200);
    expect(metaOf(r.body, 'jpki-client-token')).toBeUndefined();
  });
});
