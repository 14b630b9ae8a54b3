/**
 * Widget targets (issue 7): bundle ≤ 60 KB gzipped with the QR library, interactive ≤ 1 s after
 * load on loopback in headless Chromium, no third-party requests. Not a test: prints figures
 * and ratios against baselines measured in the same run.
 *
 *   npx tsx bench/widget.ts [--rounds 15]
 *
 * Bundle: esbuild output of app.js (+ embed.js, widget.css: what a page using the widget
 * loads), gzip -9, against the QR library alone (uqr, bundled and gzipped the same way).
 * Interactive: in a fresh browser context per round (cold cache), an RP page on the gateway
 * mounts the widget for a new session; measured from the host page's navigation start to the
 * widget's `ready` event, and inside the frame from its navigation start to the
 * `jpki-widget-interactive` mark (first screen shown, buttons live). Baseline: the same
 * browser loading a script-free page of the same server (/healthz), interleaved round by round.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { buildWidget } from '../src/widget/build/build-widget.js';
import { launchBrowser } from '../test/support/browser.js';
import { startSandboxGateway } from '../test/browser/support/sandbox-gateway.js';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 15;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

const dir = mkdtempSync(join(tmpdir(), 'jpki-widget-bench-'));
const files = await buildWidget(dir);
const size = (f: string): { bytes: number; gzipBytes: number } => files.find((x) => x.file === f)!;
const qrOnly = await build({
  stdin: { contents: "import { encode } from 'uqr'; globalThis.q = encode;", resolveDir: process.cwd() },
  bundle: true,
  minify: true,
  write: false,
  format: 'iife',
});
const qrGz = gzipSync(qrOnly.outputFiles[0]!.contents, { level: 9 }).length;
const widgetGz = size('app.js').gzipBytes + size('embed.js').gzipBytes + size('widget.css').gzipBytes;
console.log('bundle (gzip -9)');
console.log(`  app.js      ${kb(size('app.js').bytes)} raw, ${kb(size('app.js').gzipBytes)} gzip`);
console.log(`  embed.js    ${kb(size('embed.js').bytes)} raw, ${kb(size('embed.js').gzipBytes)} gzip`);
console.log(`  widget.css  ${kb(size('widget.css').bytes)} raw, ${kb(size('widget.css').gzipBytes)} gzip`);
console.log(`  total       ${kb(widgetGz)} gzip — target ≤ 60 KB: ${widgetGz <= 60 * 1024 ? 'MET' : 'MISSED'}`);
console.log(`  baseline: the QR library alone (uqr) ${kb(qrGz)} gzip; widget = ${(widgetGz / qrGz).toFixed(1)}× it`);

const gw = await startSandboxGateway({ assetsDir: dir });
const browser = await launchBrowser();
const host: number[] = [];
const frame: number[] = [];
const baseline: number[] = [];
const external: string[] = [];
try {
  for (let i = 0; i < rounds + 1; i++) {
    // Baseline: a page without scripts, same server, same kind of fresh context.
    const bctx = await browser.newContext();
    const bpage = await bctx.newPage();
    await bpage.goto(`${gw.url}/healthz`);
    const b = (await bpage.evaluate(
      `(() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd || n.responseEnd; })()`,
    )) as number;
    await bctx.close();

    const s = await gw.app.inject({
      method: 'POST',
      url: '/demo/api/sessions',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ demo: 'bank' }),
    });
    const { clientToken } = s.json() as { clientToken: string };
    const ctx = await browser.newContext();
    ctx.on('request', (r) => {
      if (/^(https?|wss?):/.test(r.url()) && !r.url().startsWith(`${gw.url}/`)) external.push(r.url());
    });
    const page = await ctx.newPage();
    await page.goto(`${gw.url}/demo/`); // an RP page on the gateway's origin (the demo tenant's)
    await page.evaluate(
      `new Promise((resolve) => { const s = document.createElement('script'); s.src = '/widget/embed.js'; s.onload = resolve; document.body.append(s); })`,
    );
    // Mount by the embed's API, as an RP page does once it has the client token.
    const readyAt = (await page.evaluate(
      `new Promise((resolve) => { const el = document.createElement('div'); document.body.append(el);
        JpkiWidget.mount(el, { clientToken: ${JSON.stringify(clientToken)}, onEvent: (e) => { if (e.type === 'ready') resolve(performance.now()); } });
        window.__mountAt = performance.now(); })`,
    )) as number;
    const mountAt = (await page.evaluate('window.__mountAt')) as number;
    const f = page.frames().find((x) => x.url().endsWith('/widget/frame'))!;
    const mark = (await f.evaluate(
      `performance.getEntriesByName('jpki-widget-interactive')[0]?.startTime ?? NaN`,
    )) as number;
    await ctx.close();
    if (i === 0) continue; // warm-up (first launch of the renderer)
    baseline.push(b);
    host.push(readyAt - mountAt);
    frame.push(mark);
  }
} finally {
  await browser.close();
  await gw.stop();
}
const h = median(host);
const fr = median(frame);
const b = median(baseline);
console.log(`\ninteractive, headless Chromium on loopback, ${rounds} rounds (median, cold cache per round)`);
console.log(
  `  mount → ready (host page)              ${h.toFixed(0)} ms — target ≤ 1000 ms: ${h <= 1000 ? 'MET' : 'MISSED'}`,
);
console.log(`  frame navigation → first screen shown   ${fr.toFixed(0)} ms`);
console.log(`  baseline: script-free page load         ${b.toFixed(0)} ms; widget = ${(h / b).toFixed(1)}× it`);
console.log(`  spread mount → ready: min ${Math.min(...host).toFixed(0)} ms, max ${Math.max(...host).toFixed(0)} ms`);
console.log(`\nthird-party requests: ${external.length === 0 ? 'none' : external.join(', ')}`);
