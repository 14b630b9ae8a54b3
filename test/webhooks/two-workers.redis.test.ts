/**
 * Two outbox workers in two PROCESSES sharing one private redis-server (never 6379) deliver
 * every event exactly once to a real HTTP receiver: the lease per event means no event is
 * attempted by both, and both take a share of the work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type Redis } from '../../src/storage/redis/create-redis.js';
import { createRedisOutbox } from '../../src/webhooks/redis/redis-outbox.js';
import { skipRedisSuites, startRedis, type TestRedis } from '../support/redis.js';
import { SECRET, sessionEvent } from './fixtures.js';
import { startReceiver, type Receiver } from './receiver.js';

const skip = skipRedisSuites();
const SCRIPT = fileURLToPath(new URL('./outbox-worker-process.ts', import.meta.url));
const PREFIX = 'jpki-wh-two:';

interface Worker {
  readonly child: ChildProcess;
  readonly delivered: string[];
}

async function spawnWorker(redisUrl: string): Promise<Worker> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: { ...process.env, REDIS_URL: redisUrl, REDIS_PREFIX: PREFIX },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const delivered: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'READY') {
        clearTimeout(timer);
        resolve();
      }
      const m = /^DELIVERED (\S+)$/.exec(line);
      if (m) delivered.push(m[1]!);
    });
  });
  return { child, delivered };
}

async function stopWorker(w: Worker | undefined): Promise<void> {
  if (!w || w.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    w.child.once('exit', () => resolve());
    w.child.kill('SIGTERM'); // this child, by its own handle
  });
}

describe.skipIf(skip)('two outbox workers in two processes on one redis-server', () => {
  let redis: TestRedis;
  let client: Redis;
  let rx: Receiver;
  let a: Worker;
  let b: Worker;
  beforeAll(async () => {
    redis = await startRedis();
    rx = await startReceiver(SECRET);
    [a, b] = await Promise.all([spawnWorker(redis.url), spawnWorker(redis.url)]);
    client = await connectRedis({ url: redis.url, keyPrefix: PREFIX });
  });
  afterAll(async () => {
    client?.disconnect();
    await Promise.all([stopWorker(a), stopWorker(b)]);
    await rx?.close();
    await redis?.stop();
  });

  it('deliver each of 60 events exactly once, signed, and share the work', async () => {
    const outbox = createRedisOutbox(client);
    const events = Array.from({ length: 60 }, (_, i) => sessionEvent(rx.url, i));
    for (const ev of events) expect(await outbox.enqueue(ev, Date.now())).toBe(true);
    // a second replica enqueuing the same facts (e.g. both refreshed one CRL) adds nothing
    for (const ev of events.slice(0, 10)) expect(await outbox.enqueue(ev, Date.now())).toBe(false);
    await rx.waitFor(60);
    // let both workers poll many more rounds: a duplicate would show up now
    await new Promise((r) => setTimeout(r, 500));
    const ids = rx.received.map((r) => r.body.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids)).toEqual(new Set(events.map((e) => e.id)));
    expect(rx.received.every((r) => r.check.ok)).toBe(true);
    expect([...a.delivered, ...b.delivered].sort()).toEqual([...ids].sort());
    expect(a.delivered.length).toBeGreaterThan(0);
    expect(b.delivered.length).toBeGreaterThan(0);
  });
});
