/** The SessionStore port's contract, run against every adapter. */
import { describe, expect, it } from 'vitest';
import type { SessionStore } from '../../../src/sessions/ports.js';
import { sessionRecord } from './fixtures.js';

export interface SessionStoreHarness {
  store: SessionStore;
  /** Lets `ms` pass for the adapter's TTLs (manual clock or real time). */
  pass(ms: number): Promise<void>;
}

export function sessionStoreContract(name: string, make: () => Promise<SessionStoreHarness>): void {
  describe(`SessionStore contract: ${name}`, () => {
    it('inserts once at version 1 and reads back an equal record', async () => {
      const { store } = await make();
      const r = sessionRecord();
      expect(await store.insert(r, 60_000)).toBe(true);
      expect(await store.insert({ ...r, purpose: 'other' }, 60_000)).toBe(false);
      expect(await store.get(r.tenantId, r.id)).toEqual({ record: r, version: 1 });
    });

    it('compare-and-set: only the expected version writes, and each write bumps it', async () => {
      const { store } = await make();
      const r = sessionRecord();
      await store.insert(r, 60_000);
      const next = { ...r, status: 'completed' as const };
      expect(await store.replace(next, 2, 60_000)).toBe(false);
      expect(await store.replace(next, 1, 60_000)).toBe(true);
      expect(await store.replace({ ...r, status: 'cancelled' }, 1, 60_000)).toBe(false);
      expect(await store.get(r.tenantId, r.id)).toEqual({ record: next, version: 2 });
    });

    it('concurrent writers on one version: exactly one wins', async () => {
      const { store } = await make();
      const r = sessionRecord();
      await store.insert(r, 60_000);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.replace({ ...r, purpose: `w${i}` }, 1, 60_000)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('replace never creates a missing record', async () => {
      const { store } = await make();
      const r = sessionRecord();
      expect(await store.replace(r, 0, 60_000)).toBe(false);
      expect(await store.replace(r, 1, 60_000)).toBe(false);
      expect(await store.get(r.tenantId, r.id)).toBeUndefined();
    });

    it('tenant isolation: the same id under another tenant is not found', async () => {
      const { store } = await make();
      const r = sessionRecord();
      await store.insert(r, 60_000);
      expect(await store.get('tenant-b', r.id)).toBeUndefined();
    });

    it('records expire after their TTL (and a replace renews it)', async () => {
      const { store, pass } = await make();
      const a = sessionRecord();
      const b = sessionRecord();
      await store.insert(a, 150);
      await store.insert(b, 150);
      expect(await store.replace(b, 1, 10_000)).toBe(true);
      await pass(400);
      expect(await store.get(a.tenantId, a.id)).toBeUndefined();
      expect((await store.get(b.tenantId, b.id))?.version).toBe(2);
    });

    it('a returned record is a copy: mutating it does not change the store', async () => {
      const { store } = await make();
      const r = sessionRecord();
      await store.insert(r, 60_000);
      const got = await store.get(r.tenantId, r.id);
      (got!.record as { purpose: string }).purpose = 'mutated';
      expect((await store.get(r.tenantId, r.id))?.record.purpose).toBe(r.purpose);
    });
  });
}
