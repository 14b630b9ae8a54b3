/**
 * One contract for both HandoffStore adapters: memory (one process) and Redis (replicas, a
 * private redis-server): records and outcomes expire, and exactly one claim wins — also when
 * two replicas race for it.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryHandoffStore, type HandoffStore } from '../../src/api/widget/handoff-store.js';
import { createRedisHandoffStore } from '../../src/api/widget/redis-handoff-store.js';
import { skipRedisSuites, startRedis, type TestRedis } from '../support/redis.js';

const record = (id: string) => ({
  id,
  sessionId: `ses_${id}`,
  clientTokenHash: 'ab'.repeat(32),
  clientToken: `ct_${'t'.repeat(43)}`,
  startedAt: 1_700_000_000_000,
  sandboxCardId: 'card_x',
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function contract(name: string, make: () => { store: HandoffStore; other?: HandoffStore }) {
  describe(`${name} handoff store`, () => {
    it('stores, reads back and expires a handoff', async () => {
      const { store } = make();
      await store.create(record('h1'), 150);
      expect(await store.get('h1')).toEqual(record('h1'));
      await sleep(300);
      expect(await store.get('h1')).toBeUndefined();
    });

    it('exactly one claim wins, on every replica', async () => {
      const { store, other = store } = make();
      await store.create(record('h2'), 10_000);
      expect(await store.isClaimed('h2')).toBe(false);
      const wins = await Promise.all([store.claim('h2', 10_000), other.claim('h2', 10_000), store.claim('h2', 10_000)]);
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await other.isClaimed('h2')).toBe(true);
    });

    it('keeps a session outcome for the follower, until its TTL', async () => {
      const { store, other = store } = make();
      await store.setOutcome('ses_9', { status: 'failed', hint: 'certificate_revoked' }, 150);
      expect(await other.outcome('ses_9')).toEqual({ status: 'failed', hint: 'certificate_revoked' });
      await sleep(300);
      expect(await other.outcome('ses_9')).toBeUndefined();
    });
  });
}

contract('memory', () => ({ store: createMemoryHandoffStore({ now: () => new Date() }) }));

const skipRedis = skipRedisSuites();
describe.skipIf(skipRedis)('redis', () => {
  let server: TestRedis;
  const clients: Redis[] = [];
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server?.stop();
  });
  const client = (): Redis => {
    const c = new Redis(server.url, { lazyConnect: false, maxRetriesPerRequest: 1 });
    clients.push(c);
    return c;
  };
  contract('redis (two replicas)', () => ({
    store: createRedisHandoffStore(client()),
    other: createRedisHandoffStore(client()),
  }));
});
