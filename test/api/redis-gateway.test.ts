/**
 * Two gateway instances sharing one real redis-server: idempotency and rate limits hold
 * across replicas, and a Redis outage fails closed (503) and shows in /readyz.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { createRedisStores, type ApiStores } from '../../src/storage/api-stores.js';
import { connectRedis } from '../../src/storage/redis/create-redis.js';
import { skipRedisSuites, startRedis, type TestRedis } from '../support/redis.js';
import { bearer, KEYS, TENANTS, testApp, testSandbox, testTenant, type TestApp } from './support/test-app.js';

const skip = skipRedisSuites();

describe.skipIf(skip)('two gateways, one Redis', () => {
  let redis: TestRedis;
  let storesA: ApiStores;
  let storesB: ApiStores;
  let a: TestApp;
  let b: TestApp;
  const tiny = testTenant('tiny', 'sk_test_tiny_shared_0123456789abcdef0123456789', ['verify'], {
    rateLimitPerMinute: 2,
  });

  beforeAll(async () => {
    redis = await startRedis();
    const connect = () => connectRedis({ url: redis.url, keyPrefix: 'gw-test:', onError: () => {} });
    storesA = createRedisStores(await connect(), systemClock);
    storesB = createRedisStores(await connect(), systemClock);
    const sandbox = testSandbox();
    a = testApp({ stores: storesA, sandbox, tenants_: [...TENANTS, tiny] });
    b = testApp({ stores: storesB, sandbox, tenants_: [...TENANTS, tiny] });
  });
  afterAll(async () => {
    await storesA?.close();
    await storesB?.close();
    await redis?.stop();
  });

  const call = (
    t: TestApp,
    key: string,
    headers: Record<string, string> = {},
    body: object = { signature: 'MAMCAQE=' },
  ) => t.app.inject({ method: 'POST', url: '/v1/validations', headers: { ...bearer(key), ...headers }, payload: body });

  it('a response stored by one replica is replayed by the other; a changed body is refused there', async () => {
    const first = await call(a, KEYS.acme, { 'idempotency-key': 'shared-1' });
    expect(first.statusCode).toBe(200);
    const replay = await call(b, KEYS.acme, { 'idempotency-key': 'shared-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toBe(first.body);
    const reused = await call(b, KEYS.acme, { 'idempotency-key': 'shared-1' }, { signature: 'MAMCAQI=' });
    expect(reused.json().code).toBe('ERR_IDEMPOTENCY_KEY_REUSED');
  });

  it('the rate limit is one budget across replicas', async () => {
    expect((await call(a, 'sk_test_tiny_shared_0123456789abcdef0123456789')).statusCode).toBe(200);
    expect((await call(b, 'sk_test_tiny_shared_0123456789abcdef0123456789')).statusCode).toBe(200);
    const third = await call(a, 'sk_test_tiny_shared_0123456789abcdef0123456789');
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('ERR_RATE_LIMITED');
  });

  it('Redis away: requests fail closed with 503 and /readyz says not ready; both heal after a restart', async () => {
    await redis.stop();
    const res = await call(a, KEYS.acme);
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('ERR_UNAVAILABLE');
    const ready = await a.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks[0]).toEqual({ name: 'store', ok: false, detail: 'redis store unreachable' });
    await redis.restart();
    for (let i = 0; i < 100 && storesA.redis!.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await call(a, KEYS.acme)).statusCode).toBe(200);
    expect((await a.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });
});
