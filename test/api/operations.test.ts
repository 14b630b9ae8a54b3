import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specPath } from '../../src/api/openapi/load-openapi.js';
import { createMemoryStores } from '../../src/storage/api-stores.js';
import { StoreUnavailableError } from '../../src/storage/store-unavailable.js';
import { fixedClock } from '../../src/clock.js';
import { bearer, KEYS, testApp } from './support/test-app.js';

describe('operations endpoints', () => {
  const t = testApp();

  it('server timeouts and body limit come from the configuration', () => {
    const c = testApp({ env: { GATEWAY_REQUEST_TIMEOUT_MS: '20000', GATEWAY_BODY_LIMIT_BYTES: '4096' } });
    expect(c.app.server.requestTimeout).toBe(20_000);
    expect(c.app.server.headersTimeout).toBe(15_000);
    expect(c.app.server.keepAliveTimeout).toBe(72_000);
    expect(c.app.initialConfig.bodyLimit).toBe(4096);
  });

  it('/healthz answers ok', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz lists its checks and is 200 when all pass', async () => {
    const ready = testApp({ readiness: async () => [{ name: 'revocation', ok: true }] });
    const res = await ready.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ready',
      mode: 'sandbox',
      checks: [
        { name: 'store', ok: true },
        { name: 'revocation', ok: true },
      ],
    });
  });

  it('/readyz is 503 when the store is unreachable or revocation is not usable', async () => {
    const stores = { ...createMemoryStores(fixedClock(0)), ping: async () => Promise.reject(new Error('down')) };
    const down = testApp({ stores });
    const res = await down.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks[0]).toEqual({ name: 'store', ok: false, detail: 'memory store unreachable' });
    const stale = testApp({ readiness: async () => [{ name: 'revocation', ok: false, detail: 'CRL stale' }] });
    expect((await stale.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
    const broken = testApp({ readiness: async () => Promise.reject(new Error('probe bug')) });
    expect((await broken.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
  });

  it('a store outage during a request → 503 ERR_UNAVAILABLE, counted in store errors', async () => {
    const base = createMemoryStores(fixedClock(0));
    const stores = {
      ...base,
      rateLimiter: { hit: async () => Promise.reject(new StoreUnavailableError('rate-limiter', 'hit')) },
    };
    const down = testApp({ stores });
    const res = await down.app.inject({
      method: 'POST',
      url: '/v1/validations',
      headers: bearer(KEYS.acme),
      payload: { signature: 'MAMCAQE=' },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('ERR_UNAVAILABLE');
    const metrics = await down.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/jpki_gateway_store_errors_total\{store="rate-limiter",operation="hit"\} 1/);
  });

  it('/metrics is Prometheus text with the request histogram and the session outcome counter', async () => {
    t.metrics.sessionOutcomes.inc({ type: 'identity', status: 'completed' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/jpki_gateway_sessions_total\{type="identity",status="completed"\} 1/);
    expect(res.body).toContain('jpki_gateway_http_request_duration_seconds');
  });

  it('/openapi.json is the YAML spec as JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.json()).toEqual(parse(readFileSync(specPath(), 'utf8')));
  });

  it('/docs is self-hosted: every script and stylesheet comes from this host, with a strict CSP', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'/);
    const refs = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(2);
    for (const ref of refs) {
      expect(ref.startsWith('/docs/assets/')).toBe(true);
      const asset = await t.app.inject({ method: 'GET', url: ref });
      expect(asset.statusCode).toBe(200);
    }
    const init = await t.app.inject({ method: 'GET', url: '/docs/assets/init.js' });
    expect(init.body).toContain("url: '/openapi.json'");
    expect(init.body).toContain('validatorUrl: null'); // no call to the public validator
    expect((await t.app.inject({ method: 'GET', url: '/docs/assets/..%2Fpackage.json' })).statusCode).toBe(404);
  });
});
