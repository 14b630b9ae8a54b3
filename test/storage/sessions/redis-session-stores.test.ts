import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type Redis } from '../../../src/storage/redis/create-redis.js';
import { createRedisSessionStores } from '../../../src/storage/sessions/index.js';
import { createRedisSessionStore } from '../../../src/storage/sessions/redis-session-store.js';
import { createRedisSingleUseStore } from '../../../src/storage/sessions/redis-single-use-store.js';
import { createRedisVaultStore } from '../../../src/storage/sessions/redis-vault-store.js';
import { StoreUnavailableError } from '../../../src/storage/store-unavailable.js';
import { skipRedisSuites, startRedis, type TestRedis } from '../../support/redis.js';
import { sessionRecord, unique } from './fixtures.js';
import { sessionStoreContract } from './session-store.contract.js';
import { singleUseStoreContract } from './single-use-store.contract.js';
import { vaultStoreContract } from './vault-store.contract.js';

const skip = skipRedisSuites();
const realTime = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skip)('session adapters on a real redis-server', () => {
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

  sessionStoreContract('redis', async () => ({ store: createRedisSessionStore(redis), pass: realTime }));
  singleUseStoreContract('redis', async () => ({ store: createRedisSingleUseStore(redis), pass: realTime }));
  vaultStoreContract('redis', async () => ({ store: createRedisVaultStore(redis), pass: realTime }));

  it('two connections (two replicas): a value taken on one is gone on the other, one winner per race', async () => {
    const other = await connectRedis({ url: server.url, keyPrefix: 'jpki-test:' });
    try {
      const a = createRedisSessionStores(redis);
      const b = createRedisSessionStores(other);
      const key = { tenantId: null, kind: 'client-token' as const, id: unique('tok') };
      await a.singleUse.putIfAbsent(key, 'ref', 60_000);
      const got = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).singleUse.take(key)));
      expect(got.filter(Boolean)).toHaveLength(1);
      const r = sessionRecord();
      await a.sessions.insert(r, 60_000);
      const writes = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).sessions.replace({ ...r, purpose: `w${i}` }, 1, 60_000)),
      );
      expect(writes.filter(Boolean)).toHaveLength(1);
    } finally {
      other.disconnect();
    }
  });

  it('every key has a TTL and lives under the deployment prefix, tenant keys under t:<tenant>:', async () => {
    const s = createRedisSessionStores(redis);
    const r = sessionRecord({ tenantId: 'ttl-tenant' });
    await s.sessions.insert(r, 60_000);
    await s.singleUse.putIfAbsent({ tenantId: 'ttl-tenant', kind: 'nonce', id: r.id }, 'n', 60_000);
    await s.vault.put({ tenantId: 'ttl-tenant', sessionId: r.id }, { sealed: 's', keyId: 'k1', dueAtMs: 1 }, 60_000);
    const keys = await redis.keys('jpki-test:t:ttl-tenant:*');
    expect(keys.sort()).toEqual([
      `jpki-test:t:ttl-tenant:nonce:${r.id}`,
      `jpki-test:t:ttl-tenant:session:${r.id}`,
      `jpki-test:t:ttl-tenant:vault:${r.id}`,
    ]);
    for (const k of [...keys, 'jpki-test:g:vault-due'])
      expect(await redis.pttl(k.slice('jpki-test:'.length)), k).toBeGreaterThan(0);
  });

  it('Redis away: StoreUnavailableError at once (fail closed); after a restart nothing old is accepted', async () => {
    const s = createRedisSessionStores(redis);
    const key = { tenantId: null, kind: 'signature' as const, id: unique('sig') };
    await s.singleUse.putIfAbsent(key, 'x', 60_000);
    await server.stop();
    await expect(s.singleUse.take(key)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(s.sessions.get('tenant-a', 'ses_x')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(s.vault.takeDue(0, 1)).rejects.toBeInstanceOf(StoreUnavailableError);
    await server.restart();
    for (let i = 0; i < 100 && redis.status !== 'ready'; i++) await realTime(50);
    // no persistence: the restarted server lost every token and session, so nothing can be completed with them
    expect(await s.singleUse.peek(key)).toBeUndefined();
    const r = sessionRecord();
    expect(await s.sessions.insert(r, 60_000)).toBe(true); // scripts reload after the restart (EVALSHA → EVAL)
  });
});
