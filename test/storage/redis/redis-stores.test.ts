import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type Redis } from '../../../src/storage/redis/create-redis.js';
import { createRedisIdempotencyStore } from '../../../src/storage/redis/redis-idempotency-store.js';
import { createRedisRateLimiter } from '../../../src/storage/redis/redis-rate-limiter.js';
import { StoreUnavailableError } from '../../../src/storage/store-unavailable.js';
import { idempotencyStoreContract } from '../contract/idempotency-store.contract.js';
import { manualClock } from '../contract/manual-clock.js';
import { rateLimiterContract } from '../contract/rate-limiter.contract.js';
import { skipRedisSuites, startRedis, type TestRedis } from '../../support/redis.js';

const skip = skipRedisSuites();

describe.skipIf(skip)('Redis adapters (real redis-server)', () => {
  let server: TestRedis;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedis();
    redis = await connectRedis({ url: server.url, keyPrefix: 'jpki-test:' });
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  rateLimiterContract('redis', async () => {
    const clock = manualClock();
    return { limiter: createRedisRateLimiter(redis, clock), clock };
  });

  idempotencyStoreContract('redis', async () => ({
    store: createRedisIdempotencyStore(redis),
    pass: (ms) => new Promise((r) => setTimeout(r, ms)),
  }));

  it('keys carry the deployment and tenant prefixes and every one has a TTL', async () => {
    const clock = manualClock();
    await createRedisRateLimiter(redis, clock).hit('t:acme', { limit: 5, windowMs: 60_000 });
    const store = createRedisIdempotencyStore(redis);
    await store.claim('acme', 'k', 'fp', 10_000);
    const keys = await redis.keys('jpki-test:t:acme:*');
    expect(keys.length).toBe(2);
    for (const k of keys) expect(await redis.pttl(k.slice('jpki-test:'.length))).toBeGreaterThan(0);
  });

  it('concurrent claims of one key on two connections: exactly one wins', async () => {
    const other = await connectRedis({ url: server.url, keyPrefix: 'jpki-test:' });
    try {
      const a = createRedisIdempotencyStore(redis);
      const b = createRedisIdempotencyStore(other);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim('acme', 'race', 'fp', 10_000)),
      );
      expect(results.filter((r) => r.state === 'claimed')).toHaveLength(1);
    } finally {
      other.disconnect();
    }
  });

  it('Redis away: adapters throw StoreUnavailableError at once, and work again after a restart', async () => {
    const clock = manualClock();
    const limiter = createRedisRateLimiter(redis, clock);
    const store = createRedisIdempotencyStore(redis);
    await server.stop();
    await expect(limiter.hit('t:acme', { limit: 5, windowMs: 60_000 })).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.claim('acme', 'k2', 'fp', 1000)).rejects.toBeInstanceOf(StoreUnavailableError);
    await server.restart();
    for (let i = 0; i < 100 && redis.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 50));
    // the script cache is empty after the restart: EVALSHA falls back to EVAL
    expect((await limiter.hit('t:acme', { limit: 5, windowMs: 60_000 })).allowed).toBe(true);
    expect(await store.claim('acme', 'k2', 'fp', 1000)).toEqual({ state: 'claimed' });
  });
});
