/** The VaultStore port's contract: one removal per record, whoever removes it is told so. */
import { describe, expect, it } from 'vitest';
import type { VaultStore } from '../../../src/identity/my-number/vault/vault-store.js';
import { unique } from './fixtures.js';

export interface VaultStoreHarness {
  store: VaultStore;
  pass(ms: number): Promise<void>;
}

const record = (dueAtMs: number) => ({ sealed: 'v1.k1.a.b.c.d', keyId: 'k1', dueAtMs });

export function vaultStoreContract(name: string, make: () => Promise<VaultStoreHarness>): void {
  describe(`VaultStore contract: ${name}`, () => {
    const ref = (tenantId = 'tenant-a') => ({ tenantId, sessionId: unique('ses') });

    it('put once; take returns it with removed=true once; then nothing', async () => {
      const { store } = await make();
      const r = ref();
      expect(await store.put(r, record(1000), 60_000)).toBe(true);
      expect(await store.put(r, record(2000), 60_000)).toBe(false);
      expect(await store.dueAt(r)).toBe(1000);
      expect(await store.take(r)).toEqual({ record: record(1000), removed: true });
      expect(await store.take(r)).toEqual({ record: undefined, removed: false });
      expect(await store.dueAt(r)).toBeUndefined();
    });

    it('after a take the session slot is free for a new put', async () => {
      const { store } = await make();
      const r = ref();
      await store.put(r, record(1000), 60_000);
      await store.take(r);
      expect(await store.put(r, record(3000), 60_000)).toBe(true);
    });

    it('concurrent takes: one caller gets the record and the removal', async () => {
      const { store } = await make();
      const r = ref();
      await store.put(r, record(1000), 60_000);
      const got = await Promise.all(Array.from({ length: 10 }, () => store.take(r)));
      expect(got.filter((g) => g.record)).toHaveLength(1);
      expect(got.filter((g) => g.removed)).toHaveLength(1);
    });

    it('takeDue removes exactly the due records, each once, up to the limit', async () => {
      const { store } = await make();
      const base = 10_000_000_000_000; // far from other suites' due times
      const due = [ref(), ref(), ref()];
      const later = ref();
      for (const r of due) await store.put(r, record(base), 60_000);
      await store.put(later, record(base + 10_000), 60_000);
      const first = await store.takeDue(base, 2);
      const second = await store.takeDue(base, 10);
      const all = [...first, ...second].filter(
        (r) => r.tenantId === 'tenant-a' && due.some((d) => d.sessionId === r.sessionId),
      );
      expect(first.length).toBeLessThanOrEqual(2);
      expect(all.map((r) => r.sessionId).sort()).toEqual(due.map((d) => d.sessionId).sort());
      expect(await store.takeDue(base, 10)).toEqual([]);
      expect(await store.dueAt(later)).toBe(base + 10_000);
      for (const r of due) expect(await store.take(r)).toEqual({ record: undefined, removed: false });
    });

    it('when the backstop TTL dropped the bytes, the index still yields the record once (so its deletion is audited)', async () => {
      const { store, pass } = await make();
      const r = ref();
      await store.put(r, record(5), 150);
      await pass(400);
      expect(await store.dueAt(r)).toBeUndefined();
      const swept = await store.takeDue(10, 1000);
      expect(swept.filter((s) => s.sessionId === r.sessionId)).toHaveLength(1);
    });

    it('tenants are separate', async () => {
      const { store } = await make();
      const a = ref('tenant-a');
      const b = { tenantId: 'tenant-b', sessionId: a.sessionId };
      await store.put(a, record(1000), 60_000);
      expect(await store.take(b)).toEqual({ record: undefined, removed: false });
      expect((await store.take(a)).removed).toBe(true);
    });
  });
}
