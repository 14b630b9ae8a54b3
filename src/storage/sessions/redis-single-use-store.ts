/** Redis SingleUseStore: SET NX PX, GET, GETDEL — each one atomic command (Redis ≥ 6.2). */
import type { Redis } from 'ioredis';
import type { SingleUseStore } from '../../sessions/ports.js';
import { guardStore } from '../store-unavailable.js';
import { singleUseKey } from './session-keys.js';

export function createRedisSingleUseStore(redis: Redis): SingleUseStore {
  return {
    async putIfAbsent(key, value, ttlMs) {
      const reply = await guardStore('single-use', 'put', () =>
        redis.set(singleUseKey(key), value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX'),
      );
      return reply === 'OK';
    },
    async peek(key) {
      return (await guardStore('single-use', 'peek', () => redis.get(singleUseKey(key)))) ?? undefined;
    },
    async take(key) {
      return (await guardStore('single-use', 'take', () => redis.getdel(singleUseKey(key)))) ?? undefined;
    },
  };
}
