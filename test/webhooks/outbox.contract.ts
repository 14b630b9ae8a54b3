/**
 * One contract for every WebhookOutbox adapter (memory, Redis): due order, a lease per event
 * (nobody else gets it until it runs out; then it is due again and the stale holder can no
 * longer ack), retries, dead letters per tenant, redrive, de-duplication.
 */
import { describe, expect, it } from 'vitest';
import type { WebhookOutbox } from '../../src/webhooks/types.js';
import { sessionEvent } from './fixtures.js';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const URL = 'https://rp.example.jp/hooks';
const err = (code: 'ERR_WEBHOOK_STATUS' | 'ERR_WEBHOOK_TIMEOUT') => ({
  code,
  detail: 'x',
  at: new Date(T0).toISOString(),
});

export function outboxContract(name: string, make: () => Promise<WebhookOutbox>): void {
  describe(`${name} webhook outbox`, () => {
    it('claims due events oldest first, none before they are due', async () => {
      const o = await make();
      await o.enqueue(sessionEvent(URL, 2), T0 + 10);
      await o.enqueue(sessionEvent(URL, 1), T0);
      await o.enqueue(sessionEvent(URL, 3), T0 + 1000);
      expect((await o.claim(T0 - 1, 5000, 10)).length).toBe(0);
      const got = await o.claim(T0 + 10, 5000, 10);
      expect(got.map((c) => c.event.id)).toEqual([sessionEvent(URL, 1).id, sessionEvent(URL, 2).id]);
      expect(got[0]).toMatchObject({ attempts: 0, leaseUntil: T0 + 10 + 5000, event: sessionEvent(URL, 1) });
    });

    it('a lease per event: not claimable while held; due again after it ran out, where the stale holder loses', async () => {
      const o = await make();
      await o.enqueue(sessionEvent(URL, 1), T0);
      const [first] = await o.claim(T0, 1000, 10);
      expect(await o.claim(T0 + 999, 1000, 10)).toEqual([]);
      const [second] = await o.claim(T0 + 1000, 1000, 10);
      expect(second!.lease).not.toBe(first!.lease);
      expect(await o.ack(first!)).toBe(false);
      expect(await o.retry(first!, 1, T0, err('ERR_WEBHOOK_STATUS'))).toBe(false);
      expect(await o.ack(second!)).toBe(true);
      expect(await o.claim(T0 + 99_999, 1000, 10)).toEqual([]);
    });

    it('parallel claims never hand out the same event twice', async () => {
      const o = await make();
      for (let i = 0; i < 30; i++) await o.enqueue(sessionEvent(URL, i), T0);
      const batches = await Promise.all([1, 2, 3].map(() => o.claim(T0, 60_000, 12)));
      const ids = batches.flat().map((c) => c.event.id);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
    });

    it('retry keeps attempts and the last error and reschedules; bury moves it to the tenant dead letters', async () => {
      const o = await make();
      await o.enqueue(sessionEvent(URL, 1), T0);
      await o.enqueue(sessionEvent(URL, 2, 'other-tenant'), T0);
      let [c] = await o.claim(T0, 1000, 1);
      expect(await o.retry(c!, 1, T0 + 500, err('ERR_WEBHOOK_TIMEOUT'))).toBe(true);
      expect((await o.claim(T0 + 499, 1000, 10)).map((x) => x.event.tenantId)).toEqual(['other-tenant']);
      [c] = await o.claim(T0 + 500, 1000, 10);
      expect(c).toMatchObject({ attempts: 1, lastError: { code: 'ERR_WEBHOOK_TIMEOUT' } });
      expect(await o.bury(c!, 2, err('ERR_WEBHOOK_STATUS'), T0 + 600)).toBe(true);
      const later = await o.claim(T0 + 999_999, 1000, 10); // a dead letter is never due again
      expect(later.map((x) => x.event.tenantId)).toEqual(['other-tenant']);
      const dead = await o.deadLetters('acme', 10);
      expect(dead).toEqual([
        {
          event: sessionEvent(URL, 1),
          attempts: 2,
          lastError: err('ERR_WEBHOOK_STATUS'),
          deadAt: new Date(T0 + 600).toISOString(),
        },
      ]);
      expect(await o.deadLetters('other-tenant', 10)).toEqual([]);
    });

    it('redrive: only the owner, only once, with a fresh attempt budget', async () => {
      const o = await make();
      const ev = sessionEvent(URL, 1);
      await o.enqueue(ev, T0);
      const [c] = await o.claim(T0, 1000, 1);
      await o.bury(c!, 8, err('ERR_WEBHOOK_STATUS'), T0);
      expect(await o.redrive('other-tenant', ev.id, T0 + 5)).toBe(false);
      expect(await o.redrive('acme', 'evt_00000000000000000000000000000000', T0 + 5)).toBe(false);
      expect(await o.redrive('acme', ev.id, T0 + 5)).toBe(true);
      expect(await o.redrive('acme', ev.id, T0 + 5)).toBe(false);
      const [again] = await o.claim(T0 + 5, 1000, 1);
      expect(again).toMatchObject({ event: ev, attempts: 0 });
      expect(await o.deadLetters('acme', 10)).toEqual([]);
    });

    it('drops a duplicate enqueue of the same id, also after delivery', async () => {
      const o = await make();
      const ev = sessionEvent(URL, 1);
      expect(await o.enqueue(ev, T0)).toBe(true);
      expect(await o.enqueue(ev, T0)).toBe(false);
      const [c] = await o.claim(T0, 1000, 10);
      await o.ack(c!);
      expect(await o.enqueue(ev, T0 + 1)).toBe(false);
      expect(await o.claim(T0 + 10, 1000, 10)).toEqual([]);
    });
  });
}
