import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createRedis, type Redis } from '../../../src/storage/redis/create-redis.js';
import { skipRedisSuites, startRedis, type TestRedis } from '../../support/redis.js';

const skip = skipRedisSuites();

describe.skipIf(skip)('createRedis (real redis-server)', () => {
  let server: TestRedis;
  let client: Redis;
  let raw: Redis;
  const errors: Error[] = [];

  beforeAll(async () => {
    server = await startRedis();
    client = await connectRedis({ url: server.url, keyPrefix: 'test-deploy:', onError: (e) => errors.push(e) });
    raw = await connectRedis({ url: server.url, keyPrefix: 'other:' });
  });
  afterAll(async () => {
    client?.disconnect();
    raw?.disconnect();
    await server?.stop();
  });

  it('prefixes every key with the deployment prefix', async () => {
    await client.set('k', 'v', 'PX', 10_000);
    expect(await raw.get('k')).toBeNull();
    const keys = await raw.keys('test-deploy:*'); // KEYS patterns are not prefixed
    expect(keys).toEqual(['test-deploy:k']);
    expect(await raw.pttl('test-deploy:k')).toBeLessThanOrEqual(10_000);
  });

  it('fails fast while Redis is away and heals after a restart', async () => {
    await server.stop();
    await expect(client.get('k')).rejects.toThrow();
    await server.restart();
    for (let i = 0; i < 100 && client.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(client.status).toBe('ready');
    expect(await client.get('k')).toBeNull(); // no persistence: the restart emptied it
  });

  it('refuses a non-redis URL and an empty prefix (caller bugs)', () => {
    expect(() => createRedis({ url: 'http://x', keyPrefix: 'p:' })).toThrow(TypeError);
    expect(() => createRedis({ url: 'redis://127.0.0.1:1', keyPrefix: '' })).toThrow(TypeError);
  });

  it('connectRedis gives up after its ready timeout', async () => {
    await expect(
      connectRedis({ url: 'redis://127.0.0.1:1', keyPrefix: 'p:', readyTimeoutMs: 300, onError: () => {} }),
    ).rejects.toThrow(/not ready/);
  });
});
