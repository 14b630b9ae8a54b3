import { describe, expect, it } from 'vitest';
import { bearer, KEYS, TENANTS, testApp, testTenant } from './support/test-app.js';

describe('per-tenant rate limits', () => {
  const limited = testTenant('tiny', 'sk_test_tiny_0123456789abcdef0123456789abcdef', ['verify'], {
    rateLimitPerMinute: 2,
  });
  const t = testApp({ tenants_: [...TENANTS, limited], env: { GATEWAY_RATE_LIMIT_PER_MINUTE: '3' } });
  const call = (key: string) =>
    t.app.inject({ method: 'POST', url: '/v1/validations', headers: bearer(key), payload: { signature: 'MAMCAQE=' } });

  it('ERR_RATE_LIMITED with Retry-After once the tenant override is spent', async () => {
    const first = await call('sk_test_tiny_0123456789abcdef0123456789abcdef');
    expect(first.statusCode).toBe(200);
    expect(first.headers['ratelimit-limit']).toBe('2');
    expect(first.headers['ratelimit-remaining']).toBe('1');
    expect((await call('sk_test_tiny_0123456789abcdef0123456789abcdef')).statusCode).toBe(200);
    const third = await call('sk_test_tiny_0123456789abcdef0123456789abcdef');
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('ERR_RATE_LIMITED');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('the deployment default applies to other tenants, each with its own budget', async () => {
    for (let i = 0; i < 3; i++) expect((await call(KEYS.acme)).statusCode).toBe(200);
    expect((await call(KEYS.acme)).statusCode).toBe(429);
    expect((await call(KEYS.other)).statusCode).toBe(200);
  });

  it('unauthenticated requests are refused before they spend anyone’s budget', async () => {
    for (let i = 0; i < 5; i++) expect((await call('sk_test_unknown')).statusCode).toBe(401);
    expect((await call(KEYS.verifyOnly)).statusCode).toBe(200);
  });
});
