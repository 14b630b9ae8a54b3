/**
 * Two gateway processes sharing CRL snapshots through a real (private) redis-server, fetching
 * from the sandbox J-LIS over loopback HTTP: one downloads, the other loads the snapshot; a
 * holder killed mid-download leaves a lease that expires, and the other replica takes over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrlManager } from '../../../src/revocation/manager/create-crl-manager.js';
import type { CrlManager } from '../../../src/revocation/manager/types.js';
import { createRedisSnapshots } from '../../../src/revocation/shared/create-redis-snapshots.js';
import { createHttpSource } from '../../../src/revocation/sources/create-http-source.js';
import { startSandboxCrlServer, type SandboxCrlServer } from '../../../src/sandbox/crl-publisher-server.js';
import { connectRedis, type Redis } from '../../../src/storage/redis/create-redis.js';
import { skipRedisSuites, startRedis, type TestRedis } from '../../support/redis.js';
import { CHIYODA, CHIYODA_ID, T0, leaf, mutableClock, pki, rootCert, tempDir } from '../manager/fixtures.js';

const skip = skipRedisSuites();
const SAPPORO = { prefecture: 'Hokkaido', municipality: 'Sapporo-shi' };
const SAPPORO_ID = 'signing/hokkaido/sapporo-shi';
const KEY_PREFIX = 'jpki-2proc:';
const LEASE_MS = 1500;
const child = fileURLToPath(new URL('./replica-child.ts', import.meta.url));

interface ChildRun {
  readonly proc: ChildProcess;
  readonly started: Promise<void>;
  readonly result: Promise<Record<string, string>>;
}

function runReplica(redis: TestRedis, server: SandboxCrlServer, certDer: Uint8Array): ChildRun {
  const args = {
    redisUrl: redis.url,
    keyPrefix: KEY_PREFIX,
    urlTemplate: server.urlTemplate,
    nowMs: T0,
    leaseMs: LEASE_MS,
    certB64: Buffer.from(certDer).toString('base64'),
  };
  const proc = spawn(process.execPath, ['--import', 'tsx', child, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let onStart: () => void = () => {};
  const started = new Promise<void>((r) => (onStart = r));
  proc.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('started\n')) onStart();
  });
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const result = new Promise<Record<string, string>>((resolve, reject) => {
    proc.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as Record<string, string>);
      else reject(new Error(`replica exited ${code}: ${err.slice(-2000)}`));
    });
  });
  return { proc, started, result };
}

describe.skipIf(skip)('two gateway processes sharing snapshots through Redis', () => {
  let redis: TestRedis;
  let server: SandboxCrlServer;
  let client: Redis;
  let manager: CrlManager;

  beforeAll(async () => {
    redis = await startRedis();
    server = await startSandboxCrlServer({
      pki,
      clock: mutableClock(),
      partitions: [CHIYODA, SAPPORO],
      slowMs: 60_000,
    });
    client = await connectRedis({ url: redis.url, keyPrefix: KEY_PREFIX });
    manager = createCrlManager({
      clock: mutableClock(),
      sources: [createHttpSource({ urlTemplate: server.urlTemplate, tmpDir: await tempDir() })],
      issuers: [rootCert],
      shared: createRedisSnapshots({ redis: client }),
      leaseMs: LEASE_MS,
      schedule: false,
    });
  });
  afterAll(async () => {
    await manager?.close();
    client?.disconnect();
    await server?.close();
    await redis?.stop();
  });

  it('this process downloads and publishes; the second process loads the snapshot (one download)', async () => {
    const card = leaf();
    server.revoke(card.der, 'affiliationChanged', new Date(T0 - 1000));
    expect(await manager.lookup(card.cert, rootCert)).toMatchObject({
      status: 'revoked',
      watermark: { via: 'source' },
    });
    const second = runReplica(redis, server, card.der);
    expect(await second.result).toEqual({ status: 'revoked', via: 'snapshot', crlNumber: '1', shared: 'ok' });
    expect(server.downloads(CHIYODA_ID)).toBe(1);
    expect(manager.status().partitions.find((p) => p.partition === CHIYODA_ID)!.snapshot).toMatchObject({
      outcome: 'published',
    });
  }, 60_000);

  it('a holder killed mid-download: its lease expires and this process takes over', async () => {
    server.setFault('slow', SAPPORO_ID);
    const card = leaf(SAPPORO);
    const holder = runReplica(redis, server, card.der);
    await holder.started;
    for (let i = 0; i < 400 && !(await client.get(`crl:lease:${SAPPORO_ID}`)); i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await client.get(`crl:lease:${SAPPORO_ID}`)).not.toBeNull();
    holder.proc.kill('SIGKILL');
    await holder.result.catch(() => undefined);
    server.setFault('none', SAPPORO_ID);
    expect(await manager.lookup(card.cert, rootCert)).toMatchObject({ status: 'good', watermark: { via: 'source' } });
    expect(server.downloads(SAPPORO_ID)).toBe(1);
  }, 60_000);
});
