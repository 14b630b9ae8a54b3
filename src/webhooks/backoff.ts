/**
 * Retry delay with exponential backoff and full jitter (AWS Architecture Blog, "Exponential
 * Backoff And Jitter"): uniform in [0, min(cap, base · 2^(attempt−1))], so retries of many
 * failed events spread out instead of arriving at a recovering receiver together.
 */
export interface BackoffPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** `attempt`: the number of attempts made so far (≥ 1); `random` in [0, 1). */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 40));
  return Math.floor(random() * ceiling);
}
