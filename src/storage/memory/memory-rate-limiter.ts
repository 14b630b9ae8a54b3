/** In-memory RateLimiter (one process: sandbox, tests). Same arithmetic as the Redis script. */
import type { Clock } from '../../clock.js';
import { ExpiringMap } from './expiring-map.js';
import { checkRule, decideSlidingWindow, type RateLimiter } from '../rate-limiter.js';

export function createMemoryRateLimiter(clock: Clock): RateLimiter {
  const buckets = new ExpiringMap<number>(clock);
  return {
    async hit(key, rule) {
      checkRule(rule);
      const now = clock.now().getTime();
      const bucket = Math.floor(now / rule.windowMs);
      const elapsed = now - bucket * rule.windowMs;
      const currentKey = `${key}:${bucket}`;
      const previous = buckets.get(`${key}:${bucket - 1}`) ?? 0;
      const current = buckets.get(currentKey) ?? 0;
      const decision = decideSlidingWindow(previous, current, elapsed, rule);
      if (decision.allowed) buckets.set(currentKey, current + 1, 2 * rule.windowMs - elapsed);
      return decision;
    },
  };
}
