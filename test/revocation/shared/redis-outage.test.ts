/**
 * Redis stopped mid-run: lookups keep answering from local data (or fail closed when there is
 * none), refreshes go to the source alone, status() says Redis is unreachable; Redis restarted:
 * the same managers recover — no gateway restart — and republish the snapshot others load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrlManager } from '../../../src/revocation/manager/create-crl-manager.js';
import type { CrlManager } from '../../../src/revocation/manager/types.js';
import { createRedisSnapshots } from '../../../src/revocation/shared/create-redis-snapshots.js';
import { createHttpSource } from '../../../src/revocation/sources/create-http-source.js';
import { startSandboxCrlServer, type SandboxCrlServer } from '../../../src/sandbox/crl-publisher-server.js';
import { connectRedis, createRedis, type Redis } from '../../../src/storage/redis/create-redis.js';
import { skipRedisSuites, startRedis, type TestRedis } from '../../support/redis.js';
import {
  CHIYODA,
  CHIYODA_ID,
  HOUR,
  leaf,
  mutableClock,
  pki,
  rejectsWith,
  rootCert,
  tempDir,
} from '../manager/fixtures.js';

const skip = skipRedisSuites();

describe.skipIf(skip)('Redis outage during operation', () => {
  const clock = mutableClock();
  let redis: TestRedis;
  let server: SandboxCrlServer;
  const clients: Redis[] = [];
  const managers: CrlManager[] = [];
  const card = leaf();
  const other = leaf();

  /** Connected first, or (Redis down) a client that keeps reconnecting in the background. */
  const replica = async (connected = true): Promise<CrlManager> => {
    const options = { url: redis.url, keyPrefix: 'jpki-outage:' };
    const client = connected ? await connectRedis(options) : createRedis(options);
    clients.push(client);
    const m = createCrlManager({
      clock,
      sources: [createHttpSource({ urlTemplate: server.urlTemplate, timeoutMs: 2000, tmpDir: await tempDir() })],
      issuers: [rootCert],
      shared: createRedisSnapshots({ redis: client }),
      leaseMs: 1000,
      schedule: false,
    });
    managers.push(m);
    return m;
  };

  beforeAll(async () => {
    redis = await startRedis();
    server = await startSandboxCrlServer({ pki, clock, partitions: [CHIYODA] });
  });
  afterAll(async () => {
    await Promise.all(managers.map((m) => m.close()));
    for (const c of clients) c.disconnect();
    await server?.close();
    await redis?.stop();
  });

  it('keeps answering from local data, refreshes from the source alone, reports Redis unreachable', async () => {
    const a = await replica();
    expect((await a.lookup(card.cert, rootCert)).status).toBe('good');
    await redis.stop();
    expect((await a.lookup(card.cert, rootCert)).status).toBe('good');
    clock.advance(HOUR);
    server.revoke(card.der, 'affiliationChanged', clock.now());
    expect(await a.refresh(CHIYODA_ID)).toEqual(['updated']);
    expect((await a.lookup(card.cert, rootCert)).status).toBe('revoked');
    expect((await a.lookup(other.cert, rootCert)).status).toBe('good');
    const st = a.status();
    expect(st.shared).toMatchObject({ kind: 'redis', state: 'unreachable', detail: expect.any(String) });
    expect(st.partitions[0]).toMatchObject({ crlNumber: '2', snapshot: { outcome: 'unreachable' } });
  });

  it('a replica with no data and no reachable source fails closed, never "good"', async () => {
    server.setFault('500');
    try {
      const b = await replica(false);
      await rejectsWith(b.lookup(other.cert, rootCert), 'ERR_REVOCATION_UNAVAILABLE');
      expect(b.ready()).toBe(false);
      expect(b.status()).toMatchObject({
        shared: { state: 'unreachable' },
        partitions: [{ state: 'missing', lastRefresh: { outcome: 'failed', code: 'ERR_CRL_FETCH_FAILED' } }],
      });
    } finally {
      server.setFault('none');
    }
  });

  it('Redis back: the same manager recovers, republishes, and a new replica loads the snapshot', async () => {
    await redis.restart();
    const a = managers[0]!;
    for (let i = 0; i < 200 && clients[0]!.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await a.refresh(CHIYODA_ID)).toEqual(['not-modified']);
    expect(a.status().shared.state).toBe('ok');
    expect(a.status().partitions[0]!.snapshot).toMatchObject({ outcome: 'published' });
    const downloads = server.downloads(CHIYODA_ID);
    const c = await replica();
    expect(await c.lookup(card.cert, rootCert)).toMatchObject({ status: 'revoked', watermark: { via: 'snapshot' } });
    expect(server.downloads(CHIYODA_ID)).toBe(downloads);
  });
});
