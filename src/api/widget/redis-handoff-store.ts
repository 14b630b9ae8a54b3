/**
 * Redis HandoffStore, for any number of replicas: the phone's claim may reach another replica
 * than the desktop's polls. One atomic command each (SET PX, GET, SET NX PX, EXISTS); values
 * are JSON; keys under `jg:widget:`. The client token of a handoff is stored as the session
 * store stores its records (Redis is inside the trust boundary) and expires with it.
 */
import type { Redis } from 'ioredis';
import { guardStore } from '../../storage/store-unavailable.js';
import type { HandoffRecord, HandoffStore, SessionOutcome } from './handoff-store.js';

const K = {
  handoff: (id: string) => `jg:widget:handoff:${id}`,
  claim: (id: string) => `jg:widget:claim:${id}`,
  outcome: (sessionId: string) => `jg:widget:outcome:${sessionId}`,
};
const px = (ttlMs: number): number => Math.max(1, Math.ceil(ttlMs));

export function createRedisHandoffStore(redis: Redis): HandoffStore {
  const getJson = async <T>(op: string, key: string): Promise<T | undefined> => {
    const raw = await guardStore('widget-handoff', op, () => redis.get(key));
    return raw === null ? undefined : (JSON.parse(raw) as T);
  };
  return {
    async create(r, ttlMs) {
      await guardStore('widget-handoff', 'create', () =>
        redis.set(K.handoff(r.id), JSON.stringify(r), 'PX', px(ttlMs)),
      );
    },
    get: (id) => getJson<HandoffRecord>('get', K.handoff(id)),
    async claim(id, ttlMs) {
      return (
        (await guardStore('widget-handoff', 'claim', () => redis.set(K.claim(id), '1', 'PX', px(ttlMs), 'NX'))) === 'OK'
      );
    },
    async isClaimed(id) {
      return (await guardStore('widget-handoff', 'is-claimed', () => redis.exists(K.claim(id)))) === 1;
    },
    async setOutcome(sessionId, outcome, ttlMs) {
      await guardStore('widget-handoff', 'set-outcome', () =>
        redis.set(K.outcome(sessionId), JSON.stringify(outcome), 'PX', px(ttlMs)),
      );
    },
    outcome: (sessionId) => getJson<SessionOutcome>('outcome', K.outcome(sessionId)),
  };
}
