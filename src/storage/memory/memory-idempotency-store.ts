/** In-memory IdempotencyStore (one process). Single-threaded JS makes claim() atomic. */
import type { Clock } from '../../clock.js';
import { ExpiringMap } from './expiring-map.js';
import type { IdempotencyStore, StoredResponse } from '../idempotency-store.js';

interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly response?: StoredResponse;
}

export function createMemoryIdempotencyStore(clock: Clock): IdempotencyStore {
  const records = new ExpiringMap<IdempotencyRecord>(clock);
  const id = (scope: string, key: string): string => `${scope}\u0000${key}`;
  return {
    async claim(scope, key, fingerprint, lockTtlMs) {
      const existing = records.get(id(scope, key));
      if (!existing) {
        records.set(id(scope, key), { fingerprint }, lockTtlMs);
        return { state: 'claimed' };
      }
      if (existing.fingerprint !== fingerprint) return { state: 'mismatch' };
      return existing.response ? { state: 'replay', response: existing.response } : { state: 'in_progress' };
    },
    async complete(scope, key, fingerprint, response, ttlMs) {
      records.set(id(scope, key), { fingerprint, response }, ttlMs);
    },
    async release(scope, key, fingerprint) {
      const existing = records.get(id(scope, key));
      if (existing && !existing.response && existing.fingerprint === fingerprint) records.delete(id(scope, key));
    },
  };
}
