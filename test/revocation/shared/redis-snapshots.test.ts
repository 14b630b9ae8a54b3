/** The Redis SharedSnapshots adapter against a private redis-server (never 6379). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisSnapshots } from '../../../src/revocation/shared/create-redis-snapshots.js';
import type { SharedSnapshots, Snapshot, SnapshotMeta } from '../../../src/revocation/shared/types.js';
import { connectRedis, type Redis } from '../../../src/storage/redis/create-redis.js';
import { skipRedisSuites, startRedis, type TestRedis } from '../../support/redis.js';
import { CHIYODA_ID, rejectsWith } from '../manager/fixtures.js';

const skip = skipRedisSuites();

function snapshot(version: string, body: Uint8Array, partition = CHIYODA_ID): Snapshot {
  const meta: SnapshotMeta = {
    format: 1,
    partition,
    version,
    crlNumber: '1',
    thisUpdate: '2026-03-01T00:00:00.000Z',
    nextUpdate: '2026-03-02T00:00:00.000Z',
    fetchedAt: '2026-03-01T00:00:00.000Z',
    source: 'test',
    etag: null,
    lastModified: null,
    entries: 0,
    issuerNameDer: '',
    issuerKeyHash: '00',
    idp: null,
    bodyBytes: body.length,
    digestAlg: 'sha256',
    digest: '00',
  };
  return { meta, body };
}

const waitReady = async (r: Redis): Promise<void> => {
  for (let i = 0; i < 200 && r.status !== 'ready'; i++) await new Promise((res) => setTimeout(res, 25));
};

describe.skipIf(skip)('createRedisSnapshots (real redis-server)', () => {
  let server: TestRedis;
  let redis: Redis;
  let shared: SharedSnapshots;

  beforeAll(async () => {
    server = await startRedis();
    redis = await connectRedis({ url: server.url, keyPrefix: 'jpki-test:' });
    shared = createRedisSnapshots({ redis, chunkBytes: 64 });
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it('leases: one holder (SET NX PX), renew and release only with the token, expiry', async () => {
    const a = await shared.acquireLease(CHIYODA_ID, 10_000);
    expect(a).toBeDefined();
    expect(await shared.acquireLease(CHIYODA_ID, 10_000)).toBeUndefined();
    expect(await a!.renew(10_000)).toBe(true);
    await redis.set(`crl:lease:${CHIYODA_ID}`, 'someone-else', 'PX', 10_000);
    expect(await a!.renew(10_000)).toBe(false);
    await a!.release(); // not ours any more: must not delete it
    expect(await redis.get(`crl:lease:${CHIYODA_ID}`)).toBe('someone-else');
    await redis.del(`crl:lease:${CHIYODA_ID}`);
    const b = await shared.acquireLease(CHIYODA_ID, 60);
    expect(b).toBeDefined();
    let c;
    for (let i = 0; i < 100 && !c; i++) {
      await new Promise((r) => setTimeout(r, 20));
      c = await shared.acquireLease(CHIYODA_ID, 10_000); // b was never released: it expires
    }
    expect(c).toBeDefined();
    await c!.release();
  });

  it('publishes in versioned chunks behind one pointer, loads it back, deletes the old version', async () => {
    const lease = (await shared.acquireLease(CHIYODA_ID, 10_000))!;
    const body1 = Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff);
    expect(await shared.publish(lease, snapshot('v1', body1), 60_000)).toBe(true);
    expect(await redis.keys('jpki-test:crl:chunk:*')).toHaveLength(16);
    const got = await shared.load(CHIYODA_ID);
    expect(got?.meta.version).toBe('v1');
    expect(got?.body).toEqual(body1);
    expect((await shared.head(CHIYODA_ID))?.version).toBe('v1');
    const body2 = new Uint8Array(100).fill(9);
    expect(await shared.publish(lease, snapshot('v2', body2), 60_000)).toBe(true);
    expect((await redis.keys('jpki-test:crl:chunk:*')).sort()).toEqual(
      [0, 1].map((i) => `jpki-test:crl:chunk:${CHIYODA_ID}:v2:${i}`),
    );
    expect((await shared.load(CHIYODA_ID))?.body).toEqual(body2);
    expect((await shared.list()).map((m) => [m.partition, m.version])).toEqual([[CHIYODA_ID, 'v2']]);
    expect(await redis.pttl(`crl:ptr:${CHIYODA_ID}`)).toBeGreaterThan(50_000);
    await lease.release();
  });

  it('a replica whose lease was lost cannot switch the pointer (fence)', async () => {
    const lease = (await shared.acquireLease(CHIYODA_ID, 10_000))!;
    await redis.del(`crl:lease:${CHIYODA_ID}`);
    const other = (await shared.acquireLease(CHIYODA_ID, 10_000))!;
    expect(await shared.publish(lease, snapshot('late', new Uint8Array(10)), 60_000)).toBe(false);
    expect((await shared.head(CHIYODA_ID))?.version).toBe('v2');
    expect(await redis.keys('jpki-test:crl:chunk:*:late:*')).toEqual([]);
    await other.release();
  });

  it('a corrupt pointer: ERR_CRL_SNAPSHOT_INVALID; a missing chunk never yields a partial body', async () => {
    await redis.set('crl:ptr:signing/x/y', '{not json', 'PX', 10_000);
    await rejectsWith(shared.head('signing/x/y'), 'ERR_CRL_SNAPSHOT_INVALID');
    await redis.set('crl:ptr:signing/x/y', JSON.stringify(snapshot('v9', new Uint8Array(100)).meta), 'PX', 10_000);
    await rejectsWith(shared.load('signing/x/y'), 'ERR_CRL_SHARED_UNAVAILABLE');
    await redis.del('crl:ptr:signing/x/y');
  });

  it('Redis stopped: every call fails at once with ERR_CRL_SHARED_UNAVAILABLE; restarted: works again', async () => {
    await server.stop();
    await rejectsWith(shared.head(CHIYODA_ID), 'ERR_CRL_SHARED_UNAVAILABLE');
    await rejectsWith(shared.acquireLease(CHIYODA_ID, 1000), 'ERR_CRL_SHARED_UNAVAILABLE');
    await rejectsWith(shared.load(CHIYODA_ID), 'ERR_CRL_SHARED_UNAVAILABLE');
    await server.restart();
    await waitReady(redis);
    expect(await shared.head(CHIYODA_ID)).toBeUndefined(); // no persistence
    expect(await shared.acquireLease(CHIYODA_ID, 1000)).toBeDefined();
  });
});
