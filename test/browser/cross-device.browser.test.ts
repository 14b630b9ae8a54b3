/**
 * Cross-device in Chromium: the desktop's widget shows the animated QR; a second browser
 * context — the phone (mobile viewport, touch, its own storage) — reads the QR by decoding
 * the canvas pixels with jsQR (what a camera would see, not a DOM shortcut), opens the
 * gateway's mobile page, claims the handoff and does the card step with the virtual card the
 * desktop used; the desktop follows and finishes when the phone does. A second phone with the
 * same code is refused, and the code rotates every second.
 */
import jsQRModule from 'jsqr';
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBrowserSuites } from '../support/browser.js';
import {
  consentAndContinue,
  demoResult,
  issueCard,
  offLoopbackRequests,
  openDemo,
  resultOf,
  screenshot,
  startWidget,
  widgetFrame,
} from './support/pages.js';
import { useGatewayAndBrowser } from './support/suite.js';

const skip = skipBrowserSuites();
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR: JsQr = ((jsQRModule as unknown as { default?: JsQr }).default ?? jsQRModule) as JsQr;

const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'ja-JP',
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36',
};

/** Decodes the QR code from the canvas pixels. */
async function scanQr(frame: Frame): Promise<string> {
  // In the page (a string: this suite's tsconfig has no DOM types).
  const img = (await frame.evaluate(`(() => {
    const c = document.querySelector('canvas.jw-qr');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    return { w: c.width, h: c.height, data: Array.from(d.data) };
  })()`)) as { w: number; h: number; data: number[] };
  const code = jsQR(new Uint8ClampedArray(img.data), img.w, img.h);
  if (!code) throw new Error('QR code not readable');
  return code.data;
}

describe.skipIf(skip)('cross-device flow in Chromium (desktop + phone)', () => {
  const t = useGatewayAndBrowser();

  it('the phone reads the animated QR, signs with the virtual card; the desktop finishes with it', async () => {
    const desktop = await t.browser.newContext();
    const phone = await t.browser.newContext(PHONE);
    const external = [...offLoopbackRequests(desktop, t.gw.url), ...offLoopbackRequests(phone, t.gw.url)];
    const page = await desktop.newPage();
    await openDemo(page, t.gw.url, 'securities', 'en');
    await issueCard(page, { name: '見本　携帯' });
    const frame = await startWidget(page);
    await consentAndContinue(frame);
    await frame.locator('#jw-method-phone').click();
    await frame.locator('canvas.jw-qr').waitFor();
    const f = widgetFrame(page);
    await f.waitForFunction(`(document.querySelector('#jw-qr-link')?.textContent ?? '') !== ''`);

    // The code rotates: two reads a little over a second apart differ, and both are the mobile page.
    const first = await scanQr(f);
    await page.waitForTimeout(1200);
    const url = await scanQr(f);
    expect(first).not.toBe(url);
    expect(url).toMatch(new RegExp(`^${t.gw.url}/widget/m/hf_[A-Za-z0-9_-]{22}\\?t=\\d+&c=[A-Za-z0-9_-]{22}$`));
    await expect(f.locator('#jw-qr-link').textContent()).resolves.toMatch(/\/widget\/m\//);
    await screenshot(page, 'cross-device-qr');

    const mobile = await phone.newPage();
    await mobile.goto(url);
    await mobile.locator('[data-screen=review]').waitFor();
    expect(mobile.url()).not.toContain('c='); // the code is removed from the address bar once claimed
    await expect(mobile.locator('.jw-origin').textContent()).resolves.toBe(t.gw.url);
    // The desktop knows the phone took over.
    await frame.locator('#jw-qr-status', { hasText: 'Your phone is connected' }).waitFor();
    await screenshot(mobile, 'cross-device-phone-review');

    // A second phone with the same (still fresh) code is refused.
    const intruder = await (await t.browser.newContext(PHONE)).newPage();
    await intruder.goto(url);
    await intruder.locator('[data-screen=stopped]').waitFor();
    await expect(intruder.locator('h1').textContent()).resolves.toMatch(/already scanned|すでに別の端末/);
    await intruder.context().close();

    await mobile.check('.jw-consent input');
    await mobile.click('#jw-continue');
    await mobile.fill('#jw-password', 'ABC123');
    await mobile.fill('#jw-textap-pin', '1234');
    await screenshot(mobile, 'cross-device-phone-card');
    await mobile.click('#jw-sign');
    await mobile.locator('[data-screen=result][data-outcome=completed]').waitFor({ timeout: 45_000 });
    await screenshot(mobile, 'cross-device-phone-done');

    // The desktop follows and ends when the phone does.
    expect(await resultOf(frame)).toMatchObject({ outcome: 'completed' });
    await expect(page.textContent('#demo-event')).resolves.toBe('completed');
    expect(await demoResult(page)).toMatchObject({ status: 'completed', name: '見本　携帯' });
    await screenshot(page, 'cross-device-desktop-done');
    expect(external).toEqual([]);
    await desktop.close();
    await phone.close();
  });

  it('a stale QR code (older than the freshness window) is refused on the phone', async () => {
    const desktop = await t.browser.newContext();
    const page = await desktop.newPage();
    await openDemo(page, t.gw.url, 'bank', 'ja');
    const frame = await startWidget(page);
    await consentAndContinue(frame);
    await frame.locator('#jw-method-phone').click();
    const f = widgetFrame(page);
    await f.waitForFunction(`(document.querySelector('#jw-qr-link')?.textContent ?? '') !== ''`);
    const url = await scanQr(f);
    t.gw.advance(60_000); // a photo of the code, used a minute later
    const phone = await t.browser.newContext(PHONE);
    const mobile = await phone.newPage();
    await mobile.goto(url);
    await mobile.locator('[data-screen=stopped]').waitFor();
    await expect(mobile.locator('h1').textContent()).resolves.toBe('このQRコードは有効期限が切れています');
    await desktop.close();
    await phone.close();
  });
});
