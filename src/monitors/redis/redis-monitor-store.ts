/**
 * Redis monitor store. Keys below the deployment prefix:
 *   t:<tenant>:mon:<id>            hash: d = the monitor as created (JSON), rev = its revocation
 *                                  (HSETNX: the first replica to record it wins)
 *   t:<tenant>:mons                sorted set of the tenant's monitor ids by creation time
 *   mon:idx:<partition>:<serial>   set of `<tenant>/<id>`: what a CRL event's serial finds
 */
import type { Redis } from 'ioredis';
import { defineScript } from '../../storage/redis/define-script.js';
import { guardStore } from '../../storage/store-unavailable.js';
import type { Monitor, MonitorRevocation, MonitorStore } from '../types.js';

const seg = (t: string): string => {
  if (!/^[a-z0-9][a-z0-9_-]{0,62}$/.test(t)) throw new TypeError('tenant id is not key-safe');
  return t;
};
const monKey = (tenantId: string, id: string): string => `t:${seg(tenantId)}:mon:${id}`;
const listKey = (tenantId: string): string => `t:${seg(tenantId)}:mons`;
const idxKey = (partition: string, serial: string): string => `mon:idx:${partition}:${serial}`;

// KEYS: monitor. ARGV: revocation JSON. Only an existing monitor, only once.
const MARK = `
if redis.call('HEXISTS', KEYS[1], 'd') == 0 then return 0 end
return redis.call('HSETNX', KEYS[1], 'rev', ARGV[1])`;

function decode(d: string | null | undefined, rev: string | null | undefined): Monitor | undefined {
  if (!d) return undefined;
  const m = JSON.parse(d) as Monitor;
  return rev ? { ...m, status: 'revoked', revocation: JSON.parse(rev) as MonitorRevocation } : m;
}

export function createRedisMonitorStore(redis: Redis): MonitorStore {
  const mark = defineScript(redis, 1, MARK);
  const g = <T>(op: string, call: () => Promise<T>): Promise<T> => guardStore('monitors', op, call);
  const get = async (tenantId: string, id: string): Promise<Monitor | undefined> => {
    const [d, rev] = await redis.hmget(monKey(tenantId, id), 'd', 'rev');
    return decode(d, rev);
  };
  return {
    insert: (m) =>
      g('insert', async () => {
        await redis
          .multi()
          .hset(monKey(m.tenantId, m.id), 'd', JSON.stringify(m))
          .zadd(listKey(m.tenantId), Date.parse(m.createdAt), m.id)
          .sadd(idxKey(m.partition, m.certificate.serialNumber), `${m.tenantId}/${m.id}`)
          .exec();
      }),
    get: (tenantId, id) => g('get', () => get(tenantId, id)),
    list: (tenantId, limit) =>
      g('list', async () => {
        const ids = await redis.zrevrange(listKey(tenantId), 0, limit - 1);
        return (await Promise.all(ids.map((id) => get(tenantId, id)))).filter((m): m is Monitor => !!m);
      }),
    delete: (tenantId, id) =>
      g('delete', async () => {
        const m = await get(tenantId, id);
        if (!m) return false;
        await redis
          .multi()
          .del(monKey(tenantId, id))
          .zrem(listKey(tenantId), id)
          .srem(idxKey(m.partition, m.certificate.serialNumber), `${tenantId}/${id}`)
          .exec();
        return true;
      }),
    find: (partition, serial) =>
      g('find', async () => {
        const refs = await redis.smembers(idxKey(partition, serial));
        const out: Monitor[] = [];
        for (const ref of refs) {
          const [tenantId, id] = ref.split('/') as [string, string];
          const m = await get(tenantId, id);
          if (m) out.push(m);
        }
        return out;
      }),
    markRevoked: (tenantId, id, revocation) =>
      g('markRevoked', async () => {
        return (await mark([monKey(tenantId, id)], [JSON.stringify(revocation)])) === 1;
      }),
  };
}
