// Memory and Redis adapters of the session ports and the vault store.
import type { Redis } from 'ioredis';
import type { Clock } from '../../clock.js';
import type { VaultStore } from '../../identity/my-number/vault/vault-store.js';
import type { SessionStore, SingleUseStore } from '../../sessions/ports.js';
import { createMemorySessionStore } from './memory-session-store.js';
import { createMemorySingleUseStore } from './memory-single-use-store.js';
import { createMemoryVaultStore } from './memory-vault-store.js';
import { createRedisSessionStore } from './redis-session-store.js';
import { createRedisSingleUseStore } from './redis-single-use-store.js';
import { createRedisVaultStore } from './redis-vault-store.js';

export interface SessionStores {
  readonly sessions: SessionStore;
  readonly singleUse: SingleUseStore;
  readonly vault: VaultStore;
}

export function createMemorySessionStores(clock: Clock): SessionStores {
  return {
    sessions: createMemorySessionStore(clock),
    singleUse: createMemorySingleUseStore(clock),
    vault: createMemoryVaultStore(clock),
  };
}

/** `redis` from createRedis/connectRedis (src/storage/redis/create-redis.ts): fail-fast, deployment prefix. */
export function createRedisSessionStores(redis: Redis): SessionStores {
  return {
    sessions: createRedisSessionStore(redis),
    singleUse: createRedisSingleUseStore(redis),
    vault: createRedisVaultStore(redis),
  };
}

export {
  createMemorySessionStore,
  createMemorySingleUseStore,
  createMemoryVaultStore,
  createRedisSessionStore,
  createRedisSingleUseStore,
  createRedisVaultStore,
};
