/**
 * The widget on someone else's page. Another tenant's page (allowed to frame the widget) that
 * mounts a session created for a different origin gets the phishing warning with both origins,
 * and never a message; a page on an origin no tenant registered cannot frame the widget at all
 * (CSP frame-ancestors), so its embed never hands the token to anything.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, skipBrowserSuites } from '../support/browser.js';
import { testTenant } from '../api/support/test-app.js';
import { builtWidget } from './support/built-widget.js';
import { screenshot } from './support/pages.js';
import { startSandboxGateway, type SandboxGateway } from './support/sandbox-gateway.js';

const skip = skipBrowserSuites();

/** A page on its own origin that loads the gateway's embed and mounts a token it is given. */
function hostPage(gatewayUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Other site</title>
<script src="${gatewayUrl}/widget/embed.js"></script></head><body><h1>Other site</h1><div id="slot"></div>
<script>window.events = []; window.go = (t) => JpkiWidget.mount('#slot', { clientToken: t, lang: 'en',
  onEvent: (e) => window.events.push(e.type) });</script></body></html>`;
}

async function listen(handler: (url: string) => string): Promise<{ url: string; server: Server }> {
  let url = '';
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(handler(url)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, server };
}

describe.skipIf(skip)('the widget on other origins', () => {
  let gw: SandboxGateway;
  let browser: Browser;
  let registered: { url: string; server: Server };
  let stranger: { url: string; server: Server };
  let gatewayUrl = '';
  beforeAll(async () => {
    registered = await listen(() => hostPage(gatewayUrl));
    stranger = await listen(() => hostPage(gatewayUrl));
    gw = await startSandboxGateway({
      assetsDir: (await builtWidget()).dir,
      extraTenants: [
        testTenant('other', 'sk_test_other_0123456789abcdef0123456789abcd', ['identity'], {
          origins: [registered.url],
        }),
      ],
    });
    gatewayUrl = gw.url;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await gw?.stop();
    registered?.server.close();
    stranger?.server.close();
  });

  async function demoSessionToken(): Promise<string> {
    const r = await gw.app.inject({
      method: 'POST',
      url: '/demo/api/sessions',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ demo: 'securities' }),
    });
    return (r.json() as { clientToken: string }).clientToken; // a session for the gateway's own origin
  }

  it("another tenant's page: the widget warns with both origins and never talks to that page", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(registered.url);
    await page.evaluate(`go(${JSON.stringify(await demoSessionToken())})`);
    const frame = page.frameLocator('#slot iframe');
    await frame.locator('[data-screen=stopped]').waitFor();
    await expect(frame.locator('h1').textContent()).resolves.toBe(
      'This page is not the site that started this request',
    );
    await expect(frame.locator('.jw-code').textContent()).resolves.toBe(
      `This page: ${registered.url} / Site that started the request: ${gw.url}`,
    );
    await expect(frame.locator('#jw-password').count()).resolves.toBe(0);
    await page.waitForTimeout(500);
    expect(await page.evaluate('window.events')).toEqual([]);
    await screenshot(page, 'origin-mismatch');
    await page.context().close();
  });

  it('an unregistered origin cannot frame the widget (frame-ancestors): no hello, no token, no events', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const widgetRequests: string[] = [];
    context.on('request', (r) => {
      if (r.url().startsWith(`${gw.url}/v1/`)) widgetRequests.push(r.url());
    });
    await page.goto(stranger.url);
    await page.evaluate(`go(${JSON.stringify(await demoSessionToken())})`);
    await page.waitForTimeout(1500);
    expect(await page.evaluate('window.events')).toEqual([]);
    expect(widgetRequests).toEqual([]); // the blocked frame never ran, so it never used a token
    await context.close();
  });
});
