/**
 * VerifierUnavailableError: the verifier pool could not answer — every worker's queue is full,
 * the worker running the call stopped or timed out, or the pool is closed. Never a verdict on
 * the input: the HTTP layer answers 503 ERR_UNAVAILABLE (with Retry-After when busy), and the
 * same request may be retried.
 */
export type VerifierUnavailableReason = 'busy' | 'stopped' | 'timeout' | 'closed' | 'no-worker';

export class VerifierUnavailableError extends Error {
  constructor(
    readonly reason: VerifierUnavailableReason,
    message: string,
  ) {
    super(message);
    this.name = 'VerifierUnavailableError';
  }
}

export function isVerifierUnavailable(e: unknown): e is VerifierUnavailableError {
  return e instanceof VerifierUnavailableError;
}
