/**
 * StoreUnavailableError: a store adapter could not reach its backend (Redis down, timeout).
 * Adapters wrap backend errors in it so callers fail closed without knowing the backend; the
 * HTTP error mapper answers 503 ERR_UNAVAILABLE and counts it in the store-errors metric.
 */
export class StoreUnavailableError extends Error {
  constructor(
    /** Which port, e.g. 'rate-limiter', 'idempotency', 'sessions'. */
    readonly store: string,
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(`${store} store unavailable during ${operation}`, options);
    this.name = 'StoreUnavailableError';
  }
}

export function isStoreUnavailable(e: unknown): e is StoreUnavailableError {
  return e instanceof StoreUnavailableError;
}

/** Runs a backend call, turning any failure into StoreUnavailableError. */
export async function guardStore<T>(store: string, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw new StoreUnavailableError(store, operation, { cause: e });
  }
}
