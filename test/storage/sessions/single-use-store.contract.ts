/** The SingleUseStore port's contract (client tokens, nonces, card challenges, signatures). */
import { describe, expect, it } from 'vitest';
import type { SingleUseKey, SingleUseStore } from '../../../src/sessions/ports.js';
import { unique } from './fixtures.js';

export interface SingleUseHarness {
  store: SingleUseStore;
  pass(ms: number): Promise<void>;
}

export function singleUseStoreContract(name: string, make: () => Promise<SingleUseHarness>): void {
  describe(`SingleUseStore contract: ${name}`, () => {
    const key = (tenantId: string | null = 'tenant-a'): SingleUseKey => ({ tenantId, kind: 'nonce', id: unique('k') });

    it('putIfAbsent stores once; a second put of the same key is refused and keeps the first value', async () => {
      const { store } = await make();
      const k = key();
      expect(await store.putIfAbsent(k, 'one', 60_000)).toBe(true);
      expect(await store.putIfAbsent(k, 'two', 60_000)).toBe(false);
      expect(await store.peek(k)).toBe('one');
    });

    it('peek does not consume; take does, exactly once', async () => {
      const { store } = await make();
      const k = key();
      await store.putIfAbsent(k, 'v', 60_000);
      expect(await store.peek(k)).toBe('v');
      expect(await store.take(k)).toBe('v');
      expect(await store.take(k)).toBeUndefined();
      expect(await store.peek(k)).toBeUndefined();
    });

    it('concurrent takes: exactly one caller gets the value', async () => {
      const { store } = await make();
      const k = key();
      await store.putIfAbsent(k, 'v', 60_000);
      const got = await Promise.all(Array.from({ length: 20 }, () => store.take(k)));
      expect(got.filter((v) => v === 'v')).toHaveLength(1);
    });

    it('concurrent puts: exactly one caller stores', async () => {
      const { store } = await make();
      const k = key();
      const put = await Promise.all(Array.from({ length: 20 }, (_, i) => store.putIfAbsent(k, `v${i}`, 60_000)));
      expect(put.filter(Boolean)).toHaveLength(1);
    });

    it('after a take the key is free for a new put, which take then returns', async () => {
      const { store } = await make();
      const k = key();
      await store.putIfAbsent(k, 'a', 60_000);
      await store.take(k);
      expect(await store.putIfAbsent(k, 'b', 60_000)).toBe(true);
      expect(await store.take(k)).toBe('b');
    });

    it('namespaces: tenants, the global scope and kinds never collide', async () => {
      const { store } = await make();
      const id = unique('same');
      const keys: SingleUseKey[] = [
        { tenantId: 'tenant-a', kind: 'nonce', id },
        { tenantId: 'tenant-b', kind: 'nonce', id },
        { tenantId: null, kind: 'nonce', id },
        { tenantId: 'tenant-a', kind: 'card-challenge', id },
      ];
      for (const [i, k] of keys.entries()) expect(await store.putIfAbsent(k, `v${i}`, 60_000)).toBe(true);
      for (const [i, k] of keys.entries()) expect(await store.take(k)).toBe(`v${i}`);
    });

    it('values expire after their TTL', async () => {
      const { store, pass } = await make();
      const k = key();
      await store.putIfAbsent(k, 'v', 150);
      await pass(400);
      expect(await store.peek(k)).toBeUndefined();
      expect(await store.take(k)).toBeUndefined();
      expect(await store.putIfAbsent(k, 'again', 60_000)).toBe(true);
    });
  });
}
