/** The IdempotencyStore port's contract, run against every adapter. */
import { describe, expect, it } from 'vitest';
import type { IdempotencyStore, StoredResponse } from '../../../src/storage/idempotency-store.js';

export interface IdempotencyHarness {
  store: IdempotencyStore;
  /** Lets `ms` pass for the adapter's TTLs (manual clock or real time). */
  pass(ms: number): Promise<void>;
}

const response: StoredResponse = {
  status: 201,
  headers: { 'content-type': 'application/json; charset=utf-8', location: '/v1/sessions/ses_x' },
  body: '{"id":"ses_x","status":"pending"}',
};

export function idempotencyStoreContract(name: string, make: () => Promise<IdempotencyHarness>): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    let n = 0;
    const key = (): string => `key-${name}-${++n}`;

    it('claims once; a duplicate while running is in_progress; after completion it replays', async () => {
      const { store } = await make();
      const k = key();
      expect(await store.claim('tenant-a', k, 'fp1', 10_000)).toEqual({ state: 'claimed' });
      expect(await store.claim('tenant-a', k, 'fp1', 10_000)).toEqual({ state: 'in_progress' });
      await store.complete('tenant-a', k, 'fp1', response, 60_000);
      expect(await store.claim('tenant-a', k, 'fp1', 10_000)).toEqual({ state: 'replay', response });
    });

    it('the same key with another fingerprint is a mismatch, running or answered', async () => {
      const { store } = await make();
      const k = key();
      await store.claim('tenant-a', k, 'fp1', 10_000);
      expect(await store.claim('tenant-a', k, 'fp2', 10_000)).toEqual({ state: 'mismatch' });
      await store.complete('tenant-a', k, 'fp1', response, 60_000);
      expect(await store.claim('tenant-a', k, 'fp2', 10_000)).toEqual({ state: 'mismatch' });
    });

    it('keys are scoped per tenant', async () => {
      const { store } = await make();
      const k = key();
      await store.claim('tenant-a', k, 'fp1', 10_000);
      expect(await store.claim('tenant-b', k, 'fp2', 10_000)).toEqual({ state: 'claimed' });
    });

    it('release gives a pending claim up, but never an answered one or another fingerprint', async () => {
      const { store } = await make();
      const k = key();
      await store.claim('tenant-a', k, 'fp1', 10_000);
      await store.release('tenant-a', k, 'fp2');
      expect(await store.claim('tenant-a', k, 'fp1', 10_000)).toEqual({ state: 'in_progress' });
      await store.release('tenant-a', k, 'fp1');
      expect(await store.claim('tenant-a', k, 'fp1', 10_000)).toEqual({ state: 'claimed' });
      await store.complete('tenant-a', k, 'fp1', response, 60_000);
      await store.release('tenant-a', k, 'fp1');
      expect((await store.claim('tenant-a', k, 'fp1', 10_000)).state).toBe('replay');
    });

    it('a pending claim lapses after its lock TTL; an answer after its TTL', async () => {
      const { store, pass } = await make();
      const k1 = key();
      await store.claim('tenant-a', k1, 'fp1', 150);
      await pass(300);
      expect(await store.claim('tenant-a', k1, 'fp2', 150)).toEqual({ state: 'claimed' });
      const k2 = key();
      await store.claim('tenant-a', k2, 'fp1', 10_000);
      await store.complete('tenant-a', k2, 'fp1', response, 150);
      await pass(300);
      expect(await store.claim('tenant-a', k2, 'fp1', 10_000)).toEqual({ state: 'claimed' });
    });

    it('stores bodies byte for byte (UTF-8, JSON inside JSON)', async () => {
      const { store } = await make();
      const k = key();
      const r: StoredResponse = { status: 200, headers: {}, body: '{"name":"試験　花子","q":"\\"x\\""}' };
      await store.claim('tenant-a', k, 'fp', 10_000);
      await store.complete('tenant-a', k, 'fp', r, 60_000);
      expect(await store.claim('tenant-a', k, 'fp', 10_000)).toEqual({ state: 'replay', response: r });
    });
  });
}
