/** In-memory SingleUseStore: one process, so check-and-act is atomic by construction. */
import type { Clock } from '../../clock.js';
import type { SingleUseStore } from '../../sessions/ports.js';
import { ExpiringMap } from '../memory/expiring-map.js';
import { singleUseKey } from './session-keys.js';

export function createMemorySingleUseStore(clock: Clock): SingleUseStore {
  const map = new ExpiringMap<string>(clock);
  return {
    async putIfAbsent(key, value, ttlMs) {
      const k = singleUseKey(key);
      if (map.get(k) !== undefined) return false;
      map.set(k, value, ttlMs);
      return true;
    },
    async peek(key) {
      return map.get(singleUseKey(key));
    },
    async take(key) {
      const k = singleUseKey(key);
      const v = map.get(k);
      map.delete(k);
      return v;
    },
  };
}
