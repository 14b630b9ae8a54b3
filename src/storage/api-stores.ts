/**
 * The stores the API core needs, from one backend: memory (no REDIS_URL: one process, sandbox,
 * tests) or Redis (any number of replicas). `redis` is exposed so other modules (sessions,
 * vault, revocation snapshots) build their adapters on the same fail-fast connection.
 */
import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import type { IdempotencyStore } from './idempotency-store.js';
import { createMemoryIdempotencyStore } from './memory/memory-idempotency-store.js';
import { createMemoryRateLimiter } from './memory/memory-rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';
import { createRedisIdempotencyStore } from './redis/redis-idempotency-store.js';
import { createRedisRateLimiter } from './redis/redis-rate-limiter.js';
import { guardStore } from './store-unavailable.js';

export interface ApiStores {
  readonly kind: 'memory' | 'redis';
  readonly rateLimiter: RateLimiter;
  readonly idempotency: IdempotencyStore;
  /** Present for kind 'redis'. */
  readonly redis?: Redis;
  /** Resolves when the backend answers; throws StoreUnavailableError otherwise (readiness). */
  ping(): Promise<void>;
  /** Closes the backend connection (after the HTTP server drained). */
  close(): Promise<void>;
}

export function createMemoryStores(clock: Clock): ApiStores {
  return {
    kind: 'memory',
    rateLimiter: createMemoryRateLimiter(clock),
    idempotency: createMemoryIdempotencyStore(clock),
    ping: async () => {},
    close: async () => {},
  };
}

export function createRedisStores(redis: Redis, clock: Clock): ApiStores {
  return {
    kind: 'redis',
    redis,
    rateLimiter: createRedisRateLimiter(redis, clock),
    idempotency: createRedisIdempotencyStore(redis),
    ping: async () => {
      await guardStore('redis', 'ping', () => redis.ping());
    },
    close: async () => {
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}
