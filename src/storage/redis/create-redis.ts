/**
 * createRedis: the one ioredis factory every Redis adapter shares (API stores, sessions,
 * revocation snapshots). Configured to fail fast: a command while Redis is away errors at once
 * (no unbounded offline queue, one retry, a command timeout) so a request fails closed instead
 * of hanging; the connection itself keeps reconnecting in the background with a capped backoff.
 *
 *   const redis = await connectRedis({ url, keyPrefix: 'jpki-gateway:' });
 *   await redis.set('k', 'v', 'PX', 1000, 'NX');   // stored as 'jpki-gateway:k'
 *
 * `keyPrefix` isolates deployments sharing one Redis; ioredis applies it to every key argument,
 * including the KEYS of EVAL / defineCommand scripts. Per-tenant prefixes are the adapters' job.
 */
import { Redis } from 'ioredis';

export type { Redis } from 'ioredis';

export interface RedisConnectionOptions {
  /** redis://[user:password@]host:port[/db] or rediss:// */
  readonly url: string;
  /** Prepended to every key, e.g. 'jpki-gateway:prod:'. */
  readonly keyPrefix: string;
  /** Per command; default 1000 ms. */
  readonly commandTimeoutMs?: number;
  /** TCP connect + handshake; default 2000 ms. */
  readonly connectTimeoutMs?: number;
  /** Connection errors (logged / counted by the caller). Without it they are swallowed, not thrown. */
  readonly onError?: (error: Error) => void;
}

const MAX_RECONNECT_DELAY_MS = 2000;

/** A client that connects in the background. Commands sent before 'ready' fail at once. */
export function createRedis(options: RedisConnectionOptions): Redis {
  if (typeof options.url !== 'string' || !/^rediss?:\/\//.test(options.url)) {
    throw new TypeError('createRedis: url must start with redis:// or rediss://');
  }
  if (typeof options.keyPrefix !== 'string' || options.keyPrefix === '') {
    throw new TypeError('createRedis: keyPrefix must be a non-empty string');
  }
  const client = new Redis(options.url, {
    keyPrefix: options.keyPrefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 1000,
    connectTimeout: options.connectTimeoutMs ?? 2000,
    enableAutoPipelining: true,
    // Keep reconnecting (Redis restarts must heal by themselves), never faster than the cap.
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), MAX_RECONNECT_DELAY_MS),
    reconnectOnError: () => false,
  });
  // An 'error' event without a listener would be printed by ioredis; route it to the caller.
  client.on('error', (e: Error) => options.onError?.(e));
  return client;
}

/** createRedis, then wait until the connection is ready (or throw after `readyTimeoutMs`). */
export async function connectRedis(
  options: RedisConnectionOptions & { readonly readyTimeoutMs?: number },
): Promise<Redis> {
  const client = createRedis(options);
  const timeoutMs = options.readyTimeoutMs ?? 5000;
  try {
    await waitReady(client, timeoutMs);
  } catch (e) {
    client.disconnect();
    throw e;
  }
  return client;
}

function waitReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`redis not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = (): void => {
      cleanup();
      resolve();
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      client.off('ready', onReady);
    };
    client.on('ready', onReady);
  });
}
