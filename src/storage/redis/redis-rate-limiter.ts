/**
 * Redis RateLimiter: the sliding-window check and the increment in one Lua script, so
 * replicas sharing a Redis never both spend the last unit. Buckets expire on their own.
 */
import type { Redis } from 'ioredis';
import type { Clock } from '../../clock.js';
import { guardStore } from '../store-unavailable.js';
import { checkRule, decideSlidingWindow, type RateLimiter } from '../rate-limiter.js';
import { defineScript } from './define-script.js';

// KEYS: previous bucket, current bucket. ARGV: limit, window ms, elapsed ms, bucket TTL ms.
const HIT = `
local previous = tonumber(redis.call('GET', KEYS[1]) or '0')
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local elapsed = tonumber(ARGV[3])
if previous * (window - elapsed) / window + current + 1 <= limit then
  redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
  return {1, previous, current}
end
return {0, previous, current}
`;

export function createRedisRateLimiter(redis: Redis, clock: Clock): RateLimiter {
  const hit = defineScript(redis, 2, HIT);
  return {
    async hit(key, rule) {
      checkRule(rule);
      const now = clock.now().getTime();
      const bucket = Math.floor(now / rule.windowMs);
      const elapsed = now - bucket * rule.windowMs;
      const reply = await guardStore('rate-limiter', 'hit', () =>
        hit(
          [`${key}:rl:${bucket - 1}`, `${key}:rl:${bucket}`],
          [rule.limit, rule.windowMs, elapsed, 2 * rule.windowMs],
        ),
      );
      const [allowed, previous, current] = reply as [number, number, number];
      const decision = decideSlidingWindow(previous, current, elapsed, rule);
      if (allowed === 1) return decision.allowed ? decision : { allowed: true, remaining: 0 };
      return decision.allowed ? { allowed: false, retryAfterMs: 1 } : decision;
    },
  };
}
