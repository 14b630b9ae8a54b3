/**
 * An outbox worker PROCESS for the two-replica test: the Redis outbox on REDIS_URL (prefix
 * REDIS_PREFIX) and a dispatcher on timers, as a gateway replica runs it. Prints `READY`, then
 * `DELIVERED <event id>` per delivery; stops on SIGTERM. Run: node --import tsx <this file>
 */
import { systemClock } from '../../src/clock.js';
import { connectRedis } from '../../src/storage/redis/create-redis.js';
import { createWebhookDispatcher } from '../../src/webhooks/create-webhook-dispatcher.js';
import { createRedisOutbox } from '../../src/webhooks/redis/redis-outbox.js';
import { SECRET } from './fixtures.js';

const url = process.env.REDIS_URL;
if (!url) throw new Error('REDIS_URL is required');
const redis = await connectRedis({ url, keyPrefix: process.env.REDIS_PREFIX ?? 'jpki-wh:' });
const dispatcher = createWebhookDispatcher({
  outbox: createRedisOutbox(redis),
  clock: systemClock,
  secretOf: () => SECRET,
  settings: { pollIntervalMs: 10, batch: 3, timeoutMs: 5_000, leaseMs: 60_000 },
  onAttempt: (outcome, c) => {
    if (outcome === 'delivered') process.stdout.write(`DELIVERED ${c.event.id}\n`);
  },
});
dispatcher.start();
process.stdout.write('READY\n');
process.once('SIGTERM', () => {
  void dispatcher.stop().finally(() => {
    redis.disconnect();
    process.exit(0);
  });
});
