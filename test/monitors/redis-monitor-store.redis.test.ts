/** The monitor store contract against a private redis-server (never 6379). */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { createRedisMonitorStore } from '../../src/monitors/redis/redis-monitor-store.js';
import { connectRedis, type Redis } from '../../src/storage/redis/create-redis.js';
import { skipRedisSuites, startRedis, type TestRedis } from '../support/redis.js';
import { monitorStoreContract } from './monitor-store.contract.js';

const skip = skipRedisSuites();

describe.skipIf(skip)('redis', () => {
  let server: TestRedis;
  const clients: Redis[] = [];
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server?.stop();
  });
  monitorStoreContract('redis', async () => {
    const redis = await connectRedis({ url: server.url, keyPrefix: `mon-${randomBytes(4).toString('hex')}:` });
    clients.push(redis);
    return createRedisMonitorStore(redis);
  });
});
