/** The outbox contract against a private redis-server (test/support/redis.ts; never 6379). */
import { describe } from 'vitest';
import { createRedisOutbox } from '../../src/webhooks/redis/redis-outbox.js';
import { skipRedisSuites, usePrivateRedis } from '../support/redis.js';
import { outboxContract } from './outbox.contract.js';

const skip = skipRedisSuites();

describe.skipIf(skip)('redis', () => {
  const redis = usePrivateRedis();
  // A fresh key prefix per test: each starts with an empty outbox on the shared server.
  outboxContract('redis', async () => createRedisOutbox(await redis.connect('wh-')));
});
