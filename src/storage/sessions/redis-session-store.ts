/**
 * Redis SessionStore: one hash per session (`v` version, `d` JSON record) with a TTL; insert
 * and compare-and-set are Lua scripts, so two replicas can never both move one session.
 */
import type { Redis } from 'ioredis';
import type { SessionStore } from '../../sessions/ports.js';
import type { SessionRecord } from '../../sessions/types.js';
import { defineScript } from '../redis/define-script.js';
import { guardStore } from '../store-unavailable.js';
import { sessionKey } from './session-keys.js';

// KEYS: record. ARGV: JSON, TTL ms.
const INSERT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'v', 1, 'd', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

// KEYS: record. ARGV: expected version, JSON, TTL ms.
const REPLACE = `
local v = redis.call('HGET', KEYS[1], 'v')
if not v or v ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', tonumber(v) + 1, 'd', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

export function createRedisSessionStore(redis: Redis): SessionStore {
  const insert = defineScript(redis, 1, INSERT);
  const replace = defineScript(redis, 1, REPLACE);
  return {
    async insert(record, ttlMs) {
      const key = sessionKey(record.tenantId, record.id);
      return (await guardStore('sessions', 'insert', () => insert([key], [JSON.stringify(record), ttlMs]))) === 1;
    },
    async get(tenantId, id) {
      const [v, d] = await guardStore('sessions', 'get', () => redis.hmget(sessionKey(tenantId, id), 'v', 'd'));
      if (v === null || d === null || v === undefined || d === undefined) return undefined;
      return { record: JSON.parse(d) as SessionRecord, version: Number(v) };
    },
    async replace(record, expectedVersion, ttlMs) {
      const key = sessionKey(record.tenantId, record.id);
      const reply = await guardStore('sessions', 'replace', () =>
        replace([key], [String(expectedVersion), JSON.stringify(record), ttlMs]),
      );
      return reply === 1;
    },
  };
}
