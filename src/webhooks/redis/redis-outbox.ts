/**
 * Redis webhook outbox (any number of replicas). Keys below the deployment prefix:
 *   wh:due                    sorted set: member `<tenant>/<id>`, score = when due (ms); a claim
 *                             moves the score to now + lease, which IS the lease: no other
 *                             replica sees the event until it runs out
 *   wh:lease                  hash: member → lease token of the current holder (fencing)
 *   wh:seen:<id>              de-duplication marker (TTL: the dedupe window)
 *   t:<tenant>:wh:ev:<id>     the entry: event, attempts, last error (JSON)
 *   t:<tenant>:wh:dead        sorted set of the tenant's dead letters by time
 * Every state change is one Lua script checking the lease token, so an attempt whose lease
 * ran out cannot ack, retry or bury an event another replica now holds.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { defineScript } from '../../storage/redis/define-script.js';
import { guardStore } from '../../storage/store-unavailable.js';
import type { ClaimedEntry, DeadLetter, OutboxEntry, WebhookOutbox } from '../types.js';

const DUE = 'wh:due';
const LEASE = 'wh:lease';
const tenantSeg = (t: string): string => {
  if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(t)) throw new TypeError('tenant id is not key-safe');
  return t;
};
const evKey = (tenant: string, id: string): string => `t:${tenantSeg(tenant)}:wh:ev:${id}`;
const deadKey = (tenant: string): string => `t:${tenantSeg(tenant)}:wh:dead`;
const member = (tenant: string, id: string): string => `${tenantSeg(tenant)}/${id}`;

// KEYS: seen, ev, due. ARGV: entry JSON, due ms, dedupe ms, member.
const ENQUEUE = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[3]) then return 0 end
redis.call('SET', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[4])
return 1`;
// KEYS: due, lease. ARGV: now, lease until, limit, token prefix.
const CLAIM = `
local ms = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for i, m in ipairs(ms) do
  local token = ARGV[4] .. i
  redis.call('ZADD', KEYS[1], ARGV[2], m)
  redis.call('HSET', KEYS[2], m, token)
  out[#out + 1] = m
  out[#out + 1] = token
end
return out`;
// KEYS: due, lease, ev. ARGV: member, token.
const ACK = `
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[3])
return 1`;
// KEYS: due, lease, ev. ARGV: member, token, entry JSON, next due ms.
const RETRY = `
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('SET', KEYS[3], ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1`;
// KEYS: due, lease, ev, dead. ARGV: member, token, entry JSON, dead at ms, id, keep ms.
const BURY = `
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('SET', KEYS[3], ARGV[3], 'PX', ARGV[6])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[5])
return 1`;
// KEYS: dead, ev, due. ARGV: id, entry JSON, now, member.
const REDRIVE = `
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
return 1`;

interface StoredEntry extends OutboxEntry {
  readonly deadAt?: string;
}

export interface RedisOutboxOptions {
  /** De-duplication window (default 30 days). */
  readonly dedupeMs?: number;
  /** How long a dead letter is kept for inspection and redrive (default 30 days). */
  readonly deadLetterMs?: number;
}

export function createRedisOutbox(redis: Redis, o: RedisOutboxOptions = {}): WebhookOutbox {
  const dedupeMs = o.dedupeMs ?? 30 * 86_400_000;
  const keepMs = o.deadLetterMs ?? 30 * 86_400_000;
  const enqueue = defineScript(redis, 3, ENQUEUE);
  const claim = defineScript(redis, 2, CLAIM);
  const ack = defineScript(redis, 3, ACK);
  const retry = defineScript(redis, 3, RETRY);
  const bury = defineScript(redis, 4, BURY);
  const redrive = defineScript(redis, 3, REDRIVE);
  const g = <T>(op: string, call: () => Promise<T>): Promise<T> => guardStore('webhook-outbox', op, call);
  const json = (e: StoredEntry): string => JSON.stringify(e);

  return {
    enqueue: (event, at) =>
      g('enqueue', async () => {
        const keys = [`wh:seen:${event.id}`, evKey(event.tenantId, event.id), DUE];
        return (
          (await enqueue(keys, [json({ event, attempts: 0 }), at, dedupeMs, member(event.tenantId, event.id)])) === 1
        );
      }),

    claim: (now, leaseMs, limit) =>
      g('claim', async () => {
        const until = now + leaseMs;
        const flat = (await claim([DUE, LEASE], [now, until, limit, `${randomBytes(9).toString('hex')}.`])) as string[];
        const out: ClaimedEntry[] = [];
        for (let i = 0; i < flat.length; i += 2) {
          const [tenant, id] = flat[i]!.split('/') as [string, string];
          const raw = await redis.get(evKey(tenant, id));
          if (raw === null) {
            await redis.zrem(DUE, flat[i]!); // entry gone (TTL, manual cleanup): nothing to deliver
            continue;
          }
          out.push({ ...(JSON.parse(raw) as OutboxEntry), lease: flat[i + 1]!, leaseUntil: until });
        }
        return out;
      }),

    ack: (c) =>
      g('ack', async () => {
        const m = member(c.event.tenantId, c.event.id);
        return (await ack([DUE, LEASE, evKey(c.event.tenantId, c.event.id)], [m, c.lease])) === 1;
      }),

    retry: (c, attempts, nextAttemptAt, error) =>
      g('retry', async () => {
        const m = member(c.event.tenantId, c.event.id);
        const entry = json({ event: c.event, attempts, lastError: error });
        return (
          (await retry([DUE, LEASE, evKey(c.event.tenantId, c.event.id)], [m, c.lease, entry, nextAttemptAt])) === 1
        );
      }),

    bury: (c, attempts, error, now) =>
      g('bury', async () => {
        const { tenantId, id } = c.event;
        const entry = json({ event: c.event, attempts, lastError: error, deadAt: new Date(now).toISOString() });
        const keys = [DUE, LEASE, evKey(tenantId, id), deadKey(tenantId)];
        return (await bury(keys, [member(tenantId, id), c.lease, entry, now, id, keepMs])) === 1;
      }),

    deadLetters: (tenantId, limit) =>
      g('deadLetters', async () => {
        const ids = await redis.zrevrange(deadKey(tenantId), 0, limit - 1);
        if (ids.length === 0) return [];
        const raws = await redis.mget(ids.map((id) => evKey(tenantId, id)));
        const out: DeadLetter[] = [];
        for (const [i, raw] of raws.entries()) {
          const e = raw === null ? undefined : (JSON.parse(raw) as StoredEntry);
          if (!e?.deadAt) {
            await redis.zrem(deadKey(tenantId), ids[i]!); // kept past its retention
            continue;
          }
          out.push({
            event: e.event,
            attempts: e.attempts,
            ...(e.lastError ? { lastError: e.lastError } : {}),
            deadAt: e.deadAt,
          });
        }
        return out;
      }),

    redrive: (tenantId, id, now) =>
      g('redrive', async () => {
        const raw = await redis.get(evKey(tenantId, id));
        const e = raw === null ? undefined : (JSON.parse(raw) as StoredEntry);
        if (!e?.deadAt) return false;
        const entry = json({ event: e.event, attempts: 0, ...(e.lastError ? { lastError: e.lastError } : {}) });
        const keys = [deadKey(tenantId), evKey(tenantId, id), DUE];
        return (await redrive(keys, [id, entry, now, member(tenantId, id)])) === 1;
      }),
  };
}
