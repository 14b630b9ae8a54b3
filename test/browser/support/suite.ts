/**
 * The usual browser suite: a sandbox gateway serving the built widget and one Chromium,
 * started before the describe's tests and stopped after them (the gateway's verifier worker
 * included).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../support/browser.js';
import { builtWidget } from './built-widget.js';
import { startSandboxGateway, type SandboxGateway } from './sandbox-gateway.js';

export interface BrowserSuite {
  readonly gw: SandboxGateway;
  readonly browser: Browser;
}

/** Call inside a describe; the fields are set once its beforeAll has run. */
export function useGatewayAndBrowser(): BrowserSuite {
  const s = {} as { gw: SandboxGateway; browser: Browser };
  beforeAll(async () => {
    s.gw = await startSandboxGateway({ assetsDir: (await builtWidget()).dir });
    s.browser = await launchBrowser();
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.gw?.stop();
  });
  return s;
}
