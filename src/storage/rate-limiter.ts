/**
 * RateLimiter port: per-key request budgets over a sliding window (two fixed buckets, the
 * previous one weighted by how much of it still overlaps the window — the approximation
 * Cloudflare and nginx-style limiters use; exact to within one bucket's skew). Denied hits do
 * not count, so a client that backs off recovers. Memory and Redis adapters share
 * `decideSlidingWindow`, so both answer the same for the same counts.
 */
export interface RateLimitRule {
  /** Requests allowed per window. */
  readonly limit: number;
  readonly windowMs: number;
}

export type RateLimitDecision =
  { readonly allowed: true; readonly remaining: number } | { readonly allowed: false; readonly retryAfterMs: number };

export interface RateLimiter {
  /** Counts one request for `key` (e.g. `t:<tenant>`) if the budget allows it. */
  hit(key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
}

export function checkRule(rule: RateLimitRule): void {
  if (!Number.isInteger(rule.limit) || rule.limit < 1) throw new TypeError('rate limit must be a positive integer');
  if (!Number.isInteger(rule.windowMs) || rule.windowMs < 1) throw new TypeError('windowMs must be a positive integer');
}

/** The estimate before this hit: previous bucket × its overlap + current bucket. */
export function slidingEstimate(previous: number, current: number, elapsedMs: number, windowMs: number): number {
  return (previous * (windowMs - elapsedMs)) / windowMs + current;
}

/**
 * Decision for one hit given the two bucket counts (before the hit) and how far into the
 * current bucket `now` is. On denial, the wait until one more hit fits.
 */
export function decideSlidingWindow(
  previous: number,
  current: number,
  elapsedMs: number,
  rule: RateLimitRule,
): RateLimitDecision {
  const { limit, windowMs } = rule;
  const estimate = slidingEstimate(previous, current, elapsedMs, windowMs);
  if (estimate + 1 <= limit) return { allowed: true, remaining: Math.max(0, Math.floor(limit - estimate - 1)) };
  let waitMs: number;
  if (current + 1 <= limit && previous > 0) {
    // Within this bucket, once the previous bucket's weight has decayed enough.
    const needElapsed = windowMs * (1 - (limit - current - 1) / previous);
    waitMs = needElapsed - elapsedMs;
  } else {
    // Only in the next bucket, where this bucket becomes the decaying previous one.
    const needElapsed = windowMs * (1 - (limit - 1) / Math.max(current, 1));
    waitMs = windowMs - elapsedMs + Math.max(0, needElapsed);
  }
  return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(waitMs)) };
}
