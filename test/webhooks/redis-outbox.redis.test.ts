/** The outbox contract against a private redis-server (test/support/redis.ts; never 6379). */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { connectRedis, type Redis } from '../../src/storage/redis/create-redis.js';
import { createRedisOutbox } from '../../src/webhooks/redis/redis-outbox.js';
import { skipRedisSuites, startRedis, type TestRedis } from '../support/redis.js';
import { outboxContract } from './outbox.contract.js';

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
  // A fresh key prefix per test: each starts with an empty outbox on the shared server.
  outboxContract('redis', async () => {
    const redis = await connectRedis({ url: server.url, keyPrefix: `wh-${randomBytes(4).toString('hex')}:` });
    clients.push(redis);
    return createRedisOutbox(redis);
  });
});
