/**
 * Both sandbox demos end to end in a real Chromium, in Japanese and in English, with the
 * virtual card on the same device: the demo page issues a card, the one-script widget runs in
 * its iframe, the card layer signs through the virtual card, and the demo backend reads the
 * result from the API. Also: full-page mode with the return URL, and a revoked card's failure
 * explained. No request may leave the gateway's loopback origin.
 */
import { describe, expect, it } from 'vitest';
import { skipBrowserSuites } from '../support/browser.js';
import {
  consentAndContinue,
  demoResult,
  issueCard,
  offLoopbackRequests,
  openDemo,
  resultOf,
  revokeCard,
  screenshot,
  signWithVirtualCard,
  startWidget,
} from './support/pages.js';
import { useGatewayAndBrowser } from './support/suite.js';

const skip = skipBrowserSuites();

describe.skipIf(skip)('sandbox demos in Chromium (same device, virtual card)', () => {
  const t = useGatewayAndBrowser();

  const TEXT = {
    ja: { identity: 'マイナンバーカードで本人確認', signing: 'マイナンバーカードで電子署名', done: '完了しました' },
    en: {
      identity: 'Verify your identity with your My Number Card',
      signing: 'Sign with your My Number Card',
      done: 'Done',
    },
  } as const;

  for (const lang of ['ja', 'en'] as const) {
    it(`Example Securities: opens an account with the My Number (${lang})`, async () => {
      const context = await t.browser.newContext();
      const external = offLoopbackRequests(context, t.gw.url);
      const page = await context.newPage();
      await openDemo(page, t.gw.url, 'securities', lang);
      await issueCard(page, { name: '見本　一郎' });
      const frame = await startWidget(page);
      await expect(frame.locator('h1').textContent()).resolves.toBe(TEXT[lang].identity);
      // Who is asking, from where, and what will be shared.
      await expect(frame.locator('.jw-origin').textContent()).resolves.toBe(t.gw.url);
      await expect(frame.locator('.jw-rp').textContent()).resolves.toBe('Demo Securities (sandbox)');
      await expect(frame.locator('.jw-list li').count()).resolves.toBe(5);
      await expect(frame.locator('.jw-statement').textContent()).resolves.toContain(`Origin / オリジン: ${t.gw.url}`);
      await screenshot(page, `securities-${lang}-review`);
      await consentAndContinue(frame);
      await frame.locator('#jw-method-virtual').click();
      await expect(frame.locator('.jw-tries').first().textContent()).resolves.toMatch(/5/);
      await signWithVirtualCard(frame, { password: 'abc123', pin: '1234' }); // lower case is normalised
      const r = await resultOf(frame);
      expect(r).toMatchObject({ outcome: 'completed', title: TEXT[lang].done });
      await expect(page.textContent('#demo-event')).resolves.toBe('completed');
      const result = await demoResult(page);
      expect(result).toMatchObject({ status: 'completed', indication: 'TOTAL_PASSED', name: '見本　一郎' });
      expect(result.myNumber).toMatch(/^•••• •••• \d{4}$/);
      await screenshot(page, `securities-${lang}-done`);
      expect(external).toEqual([]);
      await context.close();
    });

    it(`Example Bank: signs the loan contract PDF (${lang})`, async () => {
      const context = await t.browser.newContext();
      const external = offLoopbackRequests(context, t.gw.url);
      const page = await context.newPage();
      await openDemo(page, t.gw.url, 'bank', lang);
      await issueCard(page);
      const frame = await startWidget(page);
      await expect(frame.locator('h1').textContent()).resolves.toBe(TEXT[lang].signing);
      // The document: name, size, type, SHA-256 (hex, grouped) and a preview.
      await expect(frame.locator('.jw-facts').textContent()).resolves.toContain('loan-contract-sample.pdf');
      await expect(frame.locator('.jw-facts').textContent()).resolves.toContain('application/pdf');
      await expect(frame.locator('.jw-hash').textContent()).resolves.toMatch(/^([0-9a-f]{8} ){7}[0-9a-f]{8}$/);
      await expect(frame.locator('object.jw-preview-pdf').count()).resolves.toBe(1);
      await screenshot(page, `bank-${lang}-review`);
      await consentAndContinue(frame);
      await frame.locator('#jw-method-virtual').click();
      await expect(frame.locator('#jw-textap-pin').count()).resolves.toBe(0); // no My Number in a signing session
      await signWithVirtualCard(frame, { password: 'ABC123' });
      expect(await resultOf(frame)).toMatchObject({ outcome: 'completed', title: TEXT[lang].done });
      const result = await demoResult(page);
      expect(result).toMatchObject({ status: 'completed', indication: 'TOTAL_PASSED' });
      expect(result.signature).toMatch(/^\d+ /);
      await screenshot(page, `bank-${lang}-done`);
      expect(external).toEqual([]);
      await context.close();
    });
  }

  it('full-page mode: the token is POSTed, the widget returns to the return URL with the outcome', async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    await openDemo(page, t.gw.url, 'bank', 'en');
    await issueCard(page);
    await page.check('#demo-fullpage');
    await page.click('#demo-start');
    await page.waitForURL(`${t.gw.url}/widget/`);
    await page.locator('[data-screen=review]').waitFor();
    expect(page.url()).not.toContain('ct_'); // the token is in no URL
    await page.check('.jw-consent input');
    await page.click('#jw-continue');
    await page.click('#jw-method-virtual');
    await page.fill('#jw-password', 'ABC123');
    await page.click('#jw-sign');
    await page.locator('[data-screen=result][data-outcome=completed]').waitFor({ timeout: 45_000 });
    await screenshot(page, 'fullpage-done');
    await page.click('#jw-return');
    await page.waitForURL(/\/demo\/bank\?lang=en&jpki_session=.+&jpki_status=completed$/);
    expect(await demoResult(page)).toMatchObject({ status: 'completed', indication: 'TOTAL_PASSED' });
    await context.close();
  });

  it('a revoked card: the signature fails and the widget explains the revocation (ja)', async () => {
    const context = await t.browser.newContext();
    const page = await context.newPage();
    await openDemo(page, t.gw.url, 'securities', 'ja');
    await issueCard(page, { name: '見本　転居' });
    await revokeCard(page);
    const frame = await startWidget(page);
    await consentAndContinue(frame);
    await frame.locator('#jw-method-virtual').click();
    await signWithVirtualCard(frame, { password: 'ABC123', pin: '1234' });
    const r = await resultOf(frame);
    expect(r).toMatchObject({ outcome: 'failed', code: 'certificate_revoked' });
    expect(r.title).toBe('マイナンバーカードの署名用電子証明書が失効しています');
    await expect(frame.locator('[data-screen=result] p[role=alert]').textContent()).resolves.toContain('市区町村');
    await expect(page.textContent('#demo-event')).resolves.toBe('failed (certificate_revoked)');
    expect(await demoResult(page)).toMatchObject({ status: 'failed', hint: 'certificate_revoked' });
    await screenshot(page, 'revoked-ja');
    await context.close();
  });
});
