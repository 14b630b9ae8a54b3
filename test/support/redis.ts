/**
 * A private redis-server for tests: started on a free loopback port, no persistence, stopped
 * after the suite. Never the machine's shared instance, so tests are isolated and .ci/run does
 * not depend on a server being up.
 *
 * Without a redis-server binary the suite is skipped with a visible notice — unless
 * REQUIRE_REDIS=1 (set by .ci/run), where a missing server is a failure.
 *
 *   const redis = await startRedis();          // in beforeAll
 *   if (!redis) return;                        // skipped (notice printed)
 *   redis.url; await redis.stop(); await redis.restart();
 *
 * Most suites only need a server and clients on it, closed afterwards:
 *   const redis = usePrivateRedis();           // inside describe.skipIf(skipRedisSuites())
 *   const client = await redis.connect('wh-'); // key prefix 'wh-<random>:', disconnected after the suite
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { connectRedis, type Redis } from '../../src/storage/redis/create-redis.js';

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  /** Stops the server (for "Redis went away" tests). */
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: no persistence). */
  restart(): Promise<void>;
}

export function redisAvailable(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Call at module level: returns true when the Redis suites must be skipped (prints why). */
export function skipRedisSuites(): boolean {
  if (redisAvailable()) return false;
  if (process.env.REQUIRE_REDIS === '1') {
    throw new Error('REQUIRE_REDIS=1 but no redis-server binary is installed');
  }
  console.warn('\n*** redis-server not found: Redis test suites SKIPPED (set REQUIRE_REDIS=1 to fail instead) ***\n');
  return true;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, up: boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1');
      c.once('connect', () => {
        c.destroy();
        resolve(true);
      });
      c.once('error', () => resolve(false));
    });
    if (open === up) return;
    if (Date.now() > deadline) throw new Error(`redis on ${port} did not become ${up ? 'ready' : 'stopped'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'jpki-redis-'));
  let child: ChildProcess | undefined;
  const launch = async (): Promise<void> => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--loglevel',
        'warning',
      ],
      { stdio: 'ignore' },
    );
    await waitForPort(port, true);
  };
  await launch();
  const stop = async (): Promise<void> => {
    if (!child || child.exitCode !== null) return;
    const c = child;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
    await waitForPort(port, false);
  };
  return { url: `redis://127.0.0.1:${port}`, port, stop, restart: launch };
}

export interface PrivateRedis {
  /** The server (set once the suite's beforeAll has run). */
  readonly server: TestRedis;
  /**
   * A connected client; `prefix` ending in ':' is used as given, otherwise a random suffix makes
   * it fresh (an empty keyspace per test on the shared server).
   */
  connect(prefix: string): Promise<Redis>;
}

/** Call inside a describe: starts a private redis-server before its tests, stops it (and every client) after. */
export function usePrivateRedis(): PrivateRedis {
  let server: TestRedis | undefined;
  const clients: Redis[] = [];
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server?.stop();
  });
  return {
    get server(): TestRedis {
      if (!server) throw new Error('usePrivateRedis: the suite has not started');
      return server;
    },
    async connect(prefix) {
      const keyPrefix = prefix.endsWith(':') ? prefix : `${prefix}${randomBytes(4).toString('hex')}:`;
      const client = await connectRedis({ url: this.server.url, keyPrefix });
      clients.push(client);
      return client;
    },
  };
}
