/** In-memory SessionStore (one process: tests, sandbox); expiry by the injected clock. */
import type { Clock } from '../../clock.js';
import type { SessionStore, StoredSession } from '../../sessions/ports.js';
import type { SessionRecord } from '../../sessions/types.js';
import { ExpiringMap } from '../memory/expiring-map.js';
import { sessionKey } from './session-keys.js';

export function createMemorySessionStore(clock: Clock): SessionStore {
  // Records are kept as JSON so a caller can never mutate the stored copy (as with Redis).
  const map = new ExpiringMap<{ json: string; version: number }>(clock);
  const read = (key: string): StoredSession | undefined => {
    const e = map.get(key);
    return e ? { record: JSON.parse(e.json) as SessionRecord, version: e.version } : undefined;
  };
  return {
    async insert(record, ttlMs) {
      const key = sessionKey(record.tenantId, record.id);
      if (map.get(key)) return false;
      map.set(key, { json: JSON.stringify(record), version: 1 }, ttlMs);
      return true;
    },
    async get(tenantId, id) {
      return read(sessionKey(tenantId, id));
    },
    async replace(record, expectedVersion, ttlMs) {
      const key = sessionKey(record.tenantId, record.id);
      const e = map.get(key);
      if (!e || e.version !== expectedVersion) return false;
      map.set(key, { json: JSON.stringify(record), version: expectedVersion + 1 }, ttlMs);
      return true;
    },
  };
}
