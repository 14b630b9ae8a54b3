/**
 * Redis VaultStore: the sealed record under its tenant's prefix with a backstop TTL, plus a
 * global sorted set of due times. Every removal (take, sweep) removes the index member in the
 * same script; ZREM's answer says which caller removed it — that caller audits the deletion.
 */
import type { Redis } from 'ioredis';
import type { VaultRecord, VaultStore } from '../../identity/my-number/vault/vault-store.js';
import { defineScript } from '../redis/define-script.js';
import { guardStore } from '../store-unavailable.js';
import { VAULT_DUE_KEY, parseVaultMember, vaultKey, vaultMember } from './session-keys.js';

// KEYS: record, due index. ARGV: JSON, TTL ms, due ms, member.
const PUT = `
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('ZSCORE', KEYS[2], ARGV[4]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
-- TTL on everything: the index outlives every member's record (each put extends it).
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
return 1
`;

// KEYS: record, due index. ARGV: member. Returns { record or false, removed 0/1 }.
const TAKE = `
local v = redis.call('GETDEL', KEYS[1])
local removed = redis.call('ZREM', KEYS[2], ARGV[1])
return { v, removed }
`;

function parseRecord(json: string | false | null | undefined): VaultRecord | undefined {
  if (typeof json !== 'string') return undefined;
  const r = JSON.parse(json) as VaultRecord;
  if (typeof r.sealed !== 'string' || typeof r.keyId !== 'string' || typeof r.dueAtMs !== 'number')
    throw new Error('vault record is malformed');
  return r;
}

export function createRedisVaultStore(redis: Redis): VaultStore {
  const put = defineScript(redis, 2, PUT);
  const take = defineScript(redis, 2, TAKE);
  return {
    async put(ref, record, backstopTtlMs) {
      const member = vaultMember(ref.tenantId, ref.sessionId);
      const reply = await guardStore('vault', 'put', () =>
        put(
          [vaultKey(ref.tenantId, ref.sessionId), VAULT_DUE_KEY],
          [JSON.stringify(record), backstopTtlMs, record.dueAtMs, member],
        ),
      );
      return reply === 1;
    },
    async take(ref) {
      const member = vaultMember(ref.tenantId, ref.sessionId);
      const [v, removed] = (await guardStore('vault', 'take', () =>
        take([vaultKey(ref.tenantId, ref.sessionId), VAULT_DUE_KEY], [member]),
      )) as [string | null, number];
      return { record: parseRecord(v), removed: removed === 1 };
    },
    async dueAt(ref) {
      const v = await guardStore('vault', 'dueAt', () => redis.get(vaultKey(ref.tenantId, ref.sessionId)));
      return parseRecord(v)?.dueAtMs;
    },
    async takeDue(nowMs, limit) {
      const members = await guardStore('vault', 'due', () =>
        redis.zrangebyscore(VAULT_DUE_KEY, '-inf', nowMs, 'LIMIT', 0, limit),
      );
      const out: { tenantId: string; sessionId: string }[] = [];
      for (const m of members) {
        const ref = parseVaultMember(m);
        if (!ref) {
          await guardStore('vault', 'due', () => redis.zrem(VAULT_DUE_KEY, m));
          continue;
        }
        const [, removed] = (await guardStore('vault', 'take', () =>
          take([vaultKey(ref.tenantId, ref.sessionId), VAULT_DUE_KEY], [m]),
        )) as [string | null, number];
        if (removed === 1) out.push(ref);
      }
      return out;
    },
  };
}
