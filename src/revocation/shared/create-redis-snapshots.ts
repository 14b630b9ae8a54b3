/**
 * createRedisSnapshots: SharedSnapshots over Redis (the client comes from
 * src/storage/redis/create-redis.ts: no offline queue, one retry, command timeouts, so an
 * unreachable Redis fails a refresh at once and never a verification).
 *
 * Keys (after the client's deployment prefix):
 *   crl:lease:<partition>                 lease token, SET NX PX; renew / release by Lua compare
 *   crl:ptr:<partition>                   the current snapshot's metadata (JSON)
 *   crl:chunk:<partition>:<version>:<i>   the body in 1 MiB chunks, versioned
 * Publishing writes every chunk of the new version first, then switches the pointer in one Lua
 * step that also checks the lease is still ours (a fence: a replica whose lease expired cannot
 * overwrite a newer snapshot), then deletes the old version's chunks. A reader that races the
 * switch finds a chunk missing and reads the new pointer again.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { GatewayError } from '../../errors.js';
import { checkMetaShape } from './snapshot.js';
import type { SharedSnapshots, Snapshot, SnapshotLease, SnapshotMeta } from './types.js';

export interface RedisSnapshotsOptions {
  readonly redis: Redis;
  /** Default 1 MiB. */
  readonly chunkBytes?: number;
}

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const SWITCH = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
local old = redis.call('GET', KEYS[2])
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
if old then return old else return '' end`;

const leaseKey = (p: string): string => `crl:lease:${p}`;
const ptrKey = (p: string): string => `crl:ptr:${p}`;
const chunkKey = (p: string, version: string, i: number): string => `crl:chunk:${p}:${version}:${i}`;

/**
 * A few chunks in flight at a time: each command's reply then waits behind at most a few MiB,
 * so the client's per-command timeout holds for a 40 MiB snapshot on a slower link too.
 */
async function inBatches<T>(n: number, f: (i: number) => Promise<T>, width = 4): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += width) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, k) => f(i + k)))));
  }
  return out;
}

async function guarded<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError('ERR_CRL_SHARED_UNAVAILABLE', `${what}: ${(e as Error).message ?? String(e)}`, { cause: e });
  }
}

function parseMeta(raw: string | Buffer | null): SnapshotMeta | undefined {
  if (raw === null || raw.length === 0) return undefined;
  try {
    return checkMetaShape(JSON.parse(raw.toString()));
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw new GatewayError('ERR_CRL_SNAPSHOT_INVALID', 'pointer is not JSON');
  }
}

export function createRedisSnapshots(o: RedisSnapshotsOptions): SharedSnapshots {
  const redis = o.redis;
  const chunkBytes = o.chunkBytes ?? 1 << 20;
  const chunksOf = (m: SnapshotMeta): number => Math.ceil(m.bodyBytes / chunkBytes) || 1;

  const lease = (partition: string, token: string): SnapshotLease => ({
    partition,
    token,
    renew: (ttlMs) =>
      guarded('lease renew', async () => (await redis.eval(RENEW, 1, leaseKey(partition), token, ttlMs)) === 1),
    release: async () => {
      await redis.eval(RELEASE, 1, leaseKey(partition), token).catch(() => {});
    },
  });

  const readOnce = async (partition: string): Promise<Snapshot | undefined | 'raced'> => {
    const meta = parseMeta(await redis.getBuffer(ptrKey(partition)));
    if (!meta) return undefined;
    // Chunk size is part of the layout: a pointer from a differently configured writer is refused.
    const n = chunksOf(meta);
    const parts = await inBatches(n, (i) => redis.getBuffer(chunkKey(partition, meta.version, i)));
    if (parts.some((p) => p === null)) return 'raced';
    const body = Buffer.concat(parts as Buffer[]);
    if (body.length !== meta.bodyBytes) {
      throw new GatewayError('ERR_CRL_SNAPSHOT_INVALID', 'chunks do not add up to the body');
    }
    return { meta, body: new Uint8Array(body.buffer, body.byteOffset, body.length) };
  };

  return {
    kind: 'redis',
    acquireLease: (partition, ttlMs) =>
      guarded('lease', async () => {
        const token = randomBytes(16).toString('hex');
        const ok = await redis.set(leaseKey(partition), token, 'PX', ttlMs, 'NX');
        return ok === 'OK' ? lease(partition, token) : undefined;
      }),
    head: (partition) => guarded('head', async () => parseMeta(await redis.getBuffer(ptrKey(partition)))),
    load: (partition) =>
      guarded('load', async () => {
        for (let attempt = 0; attempt < 3; attempt++) {
          const r = await readOnce(partition);
          if (r !== 'raced') return r;
        }
        throw new GatewayError('ERR_CRL_SHARED_UNAVAILABLE', 'snapshot kept changing while being read');
      }),
    publish: (l, snapshot, ttlMs) =>
      guarded('publish', async () => {
        const { meta, body } = snapshot;
        const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
        const n = chunksOf(meta);
        const keys = Array.from({ length: n }, (_, i) => chunkKey(l.partition, meta.version, i));
        await inBatches(n, (i) => redis.set(keys[i]!, buf.subarray(i * chunkBytes, (i + 1) * chunkBytes), 'PX', ttlMs));
        const old = (await redis.eval(
          SWITCH,
          2,
          leaseKey(l.partition),
          ptrKey(l.partition),
          l.token,
          JSON.stringify(meta),
          ttlMs,
        )) as string | null;
        if (old === null) {
          await redis.del(...keys).catch(() => {});
          return false;
        }
        const previous = old
          ? (() => {
              try {
                return checkMetaShape(JSON.parse(old));
              } catch {
                return undefined;
              }
            })()
          : undefined;
        if (previous && previous.version !== meta.version) {
          const stale = Array.from({ length: chunksOf(previous) }, (_, i) =>
            chunkKey(l.partition, previous.version, i),
          );
          await redis.del(...stale).catch(() => {});
        }
        return true;
      }),
    list: () =>
      guarded('list', async () => {
        const prefix = redis.options.keyPrefix ?? '';
        const out: SnapshotMeta[] = [];
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}crl:ptr:*`, 'COUNT', 500);
          cursor = next;
          for (const k of keys) {
            try {
              const m = parseMeta(await redis.getBuffer(k.slice(prefix.length)));
              if (m) out.push(m);
            } catch {
              // a foreign or corrupt pointer is not listed
            }
          }
        } while (cursor !== '0');
        return out.sort((a, b) => a.partition.localeCompare(b.partition));
      }),
  };
}
