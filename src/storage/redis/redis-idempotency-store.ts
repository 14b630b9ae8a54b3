/**
 * Redis IdempotencyStore: one hash per (tenant, key) under `t:<tenant>:idem:<sha256(key)>`
 * with the request fingerprint `f` and, once answered, the response `r`. The claim is one Lua
 * script (check-and-set), the pending claim expires after its lock TTL, the answer after 24 h.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { guardStore } from '../store-unavailable.js';
import type { IdempotencyClaim, IdempotencyStore, StoredResponse } from '../idempotency-store.js';
import { defineScript } from './define-script.js';

// KEYS: record. ARGV: fingerprint, lock TTL ms.
const CLAIM = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'f', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {'claimed'}
end
if redis.call('HGET', KEYS[1], 'f') ~= ARGV[1] then return {'mismatch'} end
local r = redis.call('HGET', KEYS[1], 'r')
if r then return {'replay', r} end
return {'in_progress'}
`;

// KEYS: record. ARGV: fingerprint, response JSON, TTL ms. Only the claimant's fingerprint completes.
const COMPLETE = `
local f = redis.call('HGET', KEYS[1], 'f')
if f and f ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'f', ARGV[1], 'r', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

// KEYS: record. ARGV: fingerprint. Deletes a pending claim of this fingerprint only.
const RELEASE = `
if redis.call('HGET', KEYS[1], 'f') == ARGV[1] and redis.call('HEXISTS', KEYS[1], 'r') == 0 then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

function recordKey(scope: string, key: string): string {
  return `t:${scope}:idem:${createHash('sha256').update(key).digest('hex')}`;
}

function parseResponse(json: string): StoredResponse {
  const r = JSON.parse(json) as StoredResponse;
  if (typeof r.status !== 'number' || typeof r.body !== 'string' || typeof r.headers !== 'object') {
    throw new Error('stored idempotent response is malformed');
  }
  return r;
}

export function createRedisIdempotencyStore(redis: Redis): IdempotencyStore {
  const claim = defineScript(redis, 1, CLAIM);
  const complete = defineScript(redis, 1, COMPLETE);
  const release = defineScript(redis, 1, RELEASE);
  return {
    async claim(scope, key, fingerprint, lockTtlMs): Promise<IdempotencyClaim> {
      const reply = (await guardStore('idempotency', 'claim', () =>
        claim([recordKey(scope, key)], [fingerprint, lockTtlMs]),
      )) as [string, string?];
      switch (reply[0]) {
        case 'claimed':
          return { state: 'claimed' };
        case 'mismatch':
          return { state: 'mismatch' };
        case 'in_progress':
          return { state: 'in_progress' };
        case 'replay':
          return { state: 'replay', response: parseResponse(reply[1] ?? '') };
        default:
          throw new Error(`unexpected idempotency claim reply ${String(reply[0])}`);
      }
    },
    async complete(scope, key, fingerprint, response, ttlMs) {
      await guardStore('idempotency', 'complete', () =>
        complete([recordKey(scope, key)], [fingerprint, JSON.stringify(response), ttlMs]),
      );
    },
    async release(scope, key, fingerprint) {
      await guardStore('idempotency', 'release', () => release([recordKey(scope, key)], [fingerprint]));
    },
  };
}
