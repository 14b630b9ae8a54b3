/**
 * The widget's behaviour in Chromium beyond the happy path: a wrong password shows the tries
 * left and the lock warning, the fifth locks the password (and the lock survives a reload,
 * as on a card); cancel reports `cancelled` to the host; a session past its TTL is explained;
 * everything can be done with the keyboard alone; the language switch; and axe-core finds no
 * serious or critical accessibility violation on the demo page and the widget's screens.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBrowserSuites } from '../support/browser.js';
import {
  consentAndContinue,
  demoResult,
  issueCard,
  openDemo,
  resultOf,
  screenshot,
  signWithVirtualCard,
  startWidget,
  widgetFrame,
} from './support/pages.js';
import { useGatewayAndBrowser } from './support/suite.js';

const skip = skipBrowserSuites();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: unknown[];
}

/** axe-core injected through the devtools protocol (the page's CSP does not apply to it). */
async function axe(target: Page | Frame): Promise<AxeViolation[]> {
  await target.evaluate(AXE);
  const result = (await target.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target) })))`,
  )) as AxeViolation[];
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe.skipIf(skip)('widget behaviour in Chromium', () => {
  const t = useGatewayAndBrowser();

  it('wrong password: tries left, a lock warning from two left, locked at the fifth — and still locked after a reload', async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    await openDemo(page, t.gw.url, 'bank', 'en');
    await issueCard(page, { name: '見本　誤入力' });
    let frame = await startWidget(page);
    await consentAndContinue(frame);
    await frame.locator('#jw-method-virtual').click();
    for (const left of [4, 3, 2, 1]) {
      await signWithVirtualCard(frame, { password: 'WRONG1' });
      const error = frame.locator('[data-screen=card] .jw-error');
      await error.filter({ hasText: 'Wrong password' }).waitFor();
      await expect(error.textContent()).resolves.toContain(`Password tries left: ${left}`);
      const tries = frame.locator('#jw-password ~ .jw-tries');
      await tries.filter({ hasText: `Password tries left: ${left}` }).waitFor();
      if (left <= 2) await expect(tries.locator('.jw-warn').textContent()).resolves.toContain(`${left} more wrong`);
      await expect(widgetFrame(page).evaluate(`document.activeElement?.id`)).resolves.toBe('jw-password');
    }
    await screenshot(page, 'password-one-try-left');
    await signWithVirtualCard(frame, { password: 'WRONG1' });
    await frame.locator('[data-screen=card] .jw-error', { hasText: 'The password is locked' }).waitFor();
    // Not even the right password helps now, and nothing was signed.
    await signWithVirtualCard(frame, { password: 'ABC123' });
    await frame.locator('#jw-password ~ .jw-tries', { hasText: 'Password tries left: 0' }).waitFor();
    await frame.locator('[data-screen=card] .jw-error', { hasText: 'The password is locked' }).waitFor();
    await screenshot(page, 'password-locked');
    // The card's try counter lives in the card (localStorage), not in the page.
    await page.reload();
    frame = await startWidget(page);
    await consentAndContinue(frame);
    await frame.locator('#jw-method-virtual').click();
    await frame.locator('#jw-password ~ .jw-tries', { hasText: 'Password tries left: 0' }).waitFor();
    await context.close();
  });

  it('a malformed password is refused before the card sees it (no try spent)', async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    await openDemo(page, t.gw.url, 'bank', 'ja');
    await issueCard(page);
    const frame = await startWidget(page);
    await consentAndContinue(frame);
    await frame.locator('#jw-method-virtual').click();
    await frame.locator('#jw-password ~ .jw-tries', { hasText: '5回' }).waitFor();
    await signWithVirtualCard(frame, { password: 'AB-1' });
    await frame.locator('.jw-error', { hasText: 'パスワードの形式が違います' }).waitFor();
    await frame.locator('#jw-password ~ .jw-tries', { hasText: '5回' }).waitFor();
    await context.close();
  });

  it('cancel: the host hears `cancelled`, the RP backend cancels the session', async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    await openDemo(page, t.gw.url, 'securities', 'en');
    const frame = await startWidget(page);
    await frame.locator('.jw-actions .jw-secondary').click();
    expect(await resultOf(frame)).toMatchObject({ outcome: 'cancelled', title: 'You cancelled' });
    await expect(page.textContent('#demo-event')).resolves.toBe('cancelled');
    expect(await demoResult(page)).toMatchObject({ status: 'cancelled' });
    await context.close();
  });

  it('expiry: past its TTL the widget says so, reports `failed (expired)`, and the RP sees `expired`', async () => {
    const context = await t.browser.newContext();
    await context.clock.install(); // the pages' clocks, fast-forwarded below with the gateway's
    const page = await context.newPage();
    await openDemo(page, t.gw.url, 'securities', 'ja');
    const frame = await startWidget(page);
    t.gw.advance(11 * 60_000); // sessions live 10 minutes by default
    await context.clock.fastForward('11:00');
    const r = await resultOf(frame);
    expect(r).toMatchObject({ outcome: 'failed', title: 'お手続きの有効期限が切れました' });
    await expect(page.textContent('#demo-event')).resolves.toBe('failed (expired)');
    expect(await demoResult(page)).toMatchObject({ status: 'expired', hint: 'expired' });
    await screenshot(page, 'expired-ja');
    await context.close();
  });

  it('keyboard only: Tab and Space/Enter complete an identity session; focus is always visible', async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    await openDemo(page, t.gw.url, 'securities', 'en');
    await issueCard(page);
    await page.focus('#demo-start');
    await page.keyboard.press('Enter');
    const frame = page.frameLocator('#demo-widget iframe');
    await frame.locator('[data-screen=review]').waitFor();
    const f = widgetFrame(page);
    // Focus moved into the widget, to the screen's heading.
    await expect(f.evaluate(`document.activeElement?.tagName`)).resolves.toBe('H1');
    const tabTo = async (selector: string): Promise<void> => {
      for (let i = 0; i < 25; i++) {
        if (await f.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) {
          const outline = await f.evaluate(`getComputedStyle(document.activeElement).outlineStyle`);
          expect(outline).not.toBe('none');
          return;
        }
        await page.keyboard.press('Tab');
      }
      throw new Error(`could not reach ${selector} with Tab`);
    };
    await tabTo('input[type=checkbox]');
    await page.keyboard.press('Space');
    await tabTo('#jw-continue');
    await page.keyboard.press('Enter');
    await frame.locator('[data-screen=method]').waitFor();
    await tabTo('#jw-method-virtual');
    await page.keyboard.press('Enter');
    await frame.locator('#jw-password').waitFor();
    await tabTo('#jw-password');
    await page.keyboard.type('ABC123');
    await tabTo('#jw-textap-pin');
    await page.keyboard.type('1234');
    await page.keyboard.press('Enter'); // submits the form
    expect(await resultOf(frame)).toMatchObject({ outcome: 'completed' });
    await context.close();
  });

  it('reader bridge selected with no bridge running: explained, and back to the choice', async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    await openDemo(page, t.gw.url, 'bank', 'en');
    const frame = await startWidget(page);
    await consentAndContinue(frame);
    await frame.locator('#jw-method-bridge').click();
    await frame.locator('.jw-error', { hasText: 'The card reader app cannot be reached' }).waitFor({ timeout: 15_000 });
    await frame.locator('.jw-actions .jw-secondary').click();
    await frame.locator('[data-screen=method]').waitFor();
    await context.close();
  });

  it('language switch: Japanese by default, English on request, focus stays on the switch', async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    await openDemo(page, t.gw.url, 'securities', 'ja');
    const frame = await startWidget(page);
    await expect(frame.locator('h1').textContent()).resolves.toBe('マイナンバーカードで本人確認');
    await frame.locator('#jw-lang').click();
    await expect(frame.locator('h1').textContent()).resolves.toBe('Verify your identity with your My Number Card');
    await expect(frame.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(widgetFrame(page).evaluate(`document.activeElement?.id`)).resolves.toBe('jw-lang');
    await context.close();
  });

  it('axe-core: no serious or critical violations on the demo page and the widget screens', async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    await openDemo(page, t.gw.url, 'securities', 'ja');
    await issueCard(page);
    expect(await axe(page)).toEqual([]);
    const frame = await startWidget(page);
    const f = widgetFrame(page);
    expect(await axe(f)).toEqual([]); // review
    await consentAndContinue(frame);
    expect(await axe(f)).toEqual([]); // method
    await frame.locator('#jw-method-virtual').click();
    await frame.locator('#jw-password').waitFor();
    expect(await axe(f)).toEqual([]); // card step
    await signWithVirtualCard(frame, { password: 'ABC123', pin: '1234' });
    await resultOf(frame);
    expect(await axe(f)).toEqual([]); // result
    await context.close();
  });
});
