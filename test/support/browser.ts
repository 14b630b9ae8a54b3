/**
 * Debian's Chromium driven by playwright-core, for the browser suites (never a downloaded
 * browser: `npx playwright install` is not used). Each launch gets a fresh profile (playwright
 * makes a new temporary user-data-dir per launch) and the flags that keep Chromium off the
 * network (no background networking, component updates, sync or QUIC).
 *
 * Without /usr/bin/chromium the suite is skipped with a visible notice — unless
 * REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser is a failure.
 *
 *   const skip = skipBrowserSuites();                 // module level
 *   describe.skipIf(skip)('…', () => { const browser = await launchBrowser(); … });
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Call at module level: true when the browser suites must be skipped (prints why). */
export function skipBrowserSuites(): boolean {
  if (browserAvailable()) return false;
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
  }
  console.warn(
    `\n*** Chromium not found at ${CHROMIUM_PATH}: browser test suites SKIPPED (set REQUIRE_BROWSER=1 to fail instead) ***\n`,
  );
  return true;
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}
