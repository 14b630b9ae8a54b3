/**
 * What a visitor does on the demo pages and in the widget, as small steps the suites combine.
 * Locators use ids and data-screen attributes (stable across languages); texts are asserted
 * per language where the language is the point.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'browser');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Every network request (http, https, ws, wss) the context makes to anything but the gateway
 * on loopback. blob:/data: and the browser's own chrome:/chrome-extension: resources (its PDF
 * viewer) never touch the network.
 */
export function offLoopbackRequests(context: BrowserContext, gatewayUrl: string): string[] {
  const seen: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (/^(https?|wss?):/i.test(url) && !url.startsWith(`${gatewayUrl}/`)) seen.push(url);
  });
  return seen;
}

export async function openDemo(page: Page, url: string, demo: 'securities' | 'bank', lang: 'ja' | 'en', query = '') {
  await page.goto(`${url}/demo/${demo}?lang=${lang}${query}`);
}

export async function issueCard(page: Page, identity: { name?: string; address?: string } = {}): Promise<string> {
  if (identity.name) await page.fill('#demo-name', identity.name);
  if (identity.address) await page.fill('#demo-address', identity.address);
  await page.click('#demo-issue');
  await page.locator('#demo-card-status', { hasText: 'card_' }).waitFor();
  return (await page.textContent('#demo-card-status')) ?? '';
}

export async function revokeCard(page: Page): Promise<void> {
  await page.click('details summary');
  await page.click('#demo-revoke');
  await page.locator('#demo-revoke-status', { hasText: 'CRL' }).waitFor();
}

export async function startWidget(page: Page): Promise<FrameLocator> {
  await page.click('#demo-start');
  const frame = page.frameLocator('#demo-widget iframe');
  await frame.locator('[data-screen=review]').waitFor();
  return frame;
}

export async function consentAndContinue(frame: FrameLocator): Promise<void> {
  await frame.locator('input[type=checkbox]').check();
  await frame.locator('#jw-continue').click();
}

export async function signWithVirtualCard(
  frame: FrameLocator,
  secrets: { password: string; pin?: string },
): Promise<void> {
  await frame.locator('#jw-password').fill(secrets.password);
  if (secrets.pin !== undefined) await frame.locator('#jw-textap-pin').fill(secrets.pin);
  await frame.locator('#jw-sign').click();
}

export async function resultOf(
  frame: FrameLocator,
): Promise<{ outcome: string | null; title: string | null; code: string | null }> {
  const result = frame.locator('[data-screen=result]');
  await result.waitFor({ timeout: 45_000 });
  return {
    outcome: await result.getAttribute('data-outcome'),
    title: await result.locator('h1').textContent(),
    code: await result.getAttribute('data-code'),
  };
}

/** The demo backend's view of the result, field by field. */
export async function demoResult(page: Page): Promise<Record<string, string>> {
  await page.locator('#demo-result .demo-result').waitFor({ timeout: 30_000 });
  const fields = await page
    .locator('#demo-result dd[data-field]')
    .evaluateAll((els) => els.map((el) => [el.getAttribute('data-field') ?? '', el.textContent ?? '']));
  return Object.fromEntries(fields);
}

/** The widget's iframe (by its URL) as a Frame, for evaluate() and axe. */
export function widgetFrame(page: Page): Frame {
  const f = page.frames().find((x) => x.url().endsWith('/widget/frame'));
  if (!f) throw new Error('no widget frame');
  return f;
}
