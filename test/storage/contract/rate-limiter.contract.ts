/** The RateLimiter port's contract, run against every adapter. */
import { describe, expect, it } from 'vitest';
import type { RateLimiter } from '../../../src/storage/rate-limiter.js';
import type { ManualClock } from './manual-clock.js';

export interface RateLimiterHarness {
  limiter: RateLimiter;
  clock: ManualClock;
}

export function rateLimiterContract(name: string, make: () => Promise<RateLimiterHarness>): void {
  describe(`RateLimiter contract: ${name}`, () => {
    const rule = { limit: 3, windowMs: 60_000 };
    let n = 0;
    const key = (): string => `t:tenant-${name}-${++n}`;

    it('allows up to the limit, then denies with a retry delay', async () => {
      const { limiter, clock } = await make();
      clock.advance(60_000 - (clock.now().getTime() % 60_000)); // start of a bucket
      const k = key();
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await limiter.hit(k, rule));
      expect(results.slice(0, 3).map((r) => r.allowed)).toEqual([true, true, true]);
      expect(results[0]).toEqual({ allowed: true, remaining: 2 });
      expect(results[2]).toEqual({ allowed: true, remaining: 0 });
      const denied = results[3]!;
      expect(denied.allowed).toBe(false);
      if (!denied.allowed) expect(denied.retryAfterMs).toBeGreaterThan(0);
    });

    it('keys are independent (one tenant cannot spend another one’s budget)', async () => {
      const { limiter } = await make();
      const a = key();
      const b = key();
      for (let i = 0; i < 3; i++) await limiter.hit(a, rule);
      expect((await limiter.hit(a, rule)).allowed).toBe(false);
      expect((await limiter.hit(b, rule)).allowed).toBe(true);
    });

    it('the previous bucket decays: full budget again a window later, partial in between', async () => {
      const { limiter, clock } = await make();
      clock.advance(60_000 - (clock.now().getTime() % 60_000));
      const k = key();
      for (let i = 0; i < 3; i++) await limiter.hit(k, rule);
      clock.advance(60_000); // next bucket starts: the previous one still weighs 3
      expect((await limiter.hit(k, rule)).allowed).toBe(false);
      clock.advance(30_000); // half way: 3 × 0.5 = 1.5 → one more fits
      expect((await limiter.hit(k, rule)).allowed).toBe(true);
      expect((await limiter.hit(k, rule)).allowed).toBe(false);
      clock.advance(60_000); // two buckets on: only the last bucket's single hit, decaying
      expect((await limiter.hit(k, rule)).allowed).toBe(true);
    });

    it('denied hits do not count', async () => {
      const { limiter, clock } = await make();
      clock.advance(60_000 - (clock.now().getTime() % 60_000));
      const k = key();
      for (let i = 0; i < 3; i++) await limiter.hit(k, rule);
      for (let i = 0; i < 10; i++) expect((await limiter.hit(k, rule)).allowed).toBe(false);
      clock.advance(120_000);
      expect((await limiter.hit(k, rule)).allowed).toBe(true);
    });

    it('refuses a nonsensical rule (caller bug)', async () => {
      const { limiter } = await make();
      await expect(limiter.hit(key(), { limit: 0, windowMs: 1000 })).rejects.toThrow(TypeError);
      await expect(limiter.hit(key(), { limit: 1, windowMs: 0.5 })).rejects.toThrow(TypeError);
    });
  });
}
