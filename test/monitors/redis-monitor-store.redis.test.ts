/** The monitor store contract against a private redis-server (never 6379). */
import { describe } from 'vitest';
import { createRedisMonitorStore } from '../../src/monitors/redis/redis-monitor-store.js';
import { skipRedisSuites, usePrivateRedis } from '../support/redis.js';
import { monitorStoreContract } from './monitor-store.contract.js';

const skip = skipRedisSuites();

describe.skipIf(skip)('redis', () => {
  const redis = usePrivateRedis();
  monitorStoreContract('redis', async () => createRedisMonitorStore(await redis.connect('mon-')));
});
