/**
 * IdempotencyStore port (Idempotency-Key on mutating calls, contract §5). A key is claimed
 * once per scope (tenant); the first request runs, its response is stored, later requests
 * with the same key replay it — or are refused when their fingerprint (method, path, body
 * hash) differs, or while the first is still running.
 */
export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type IdempotencyClaim =
  /** This request holds the key: run it, then complete() or release(). */
  | { readonly state: 'claimed' }
  /** Same key, same request, already answered. */
  | { readonly state: 'replay'; readonly response: StoredResponse }
  /** Same key, another request. */
  | { readonly state: 'mismatch' }
  /** Same key, same request, still running. */
  | { readonly state: 'in_progress' };

export interface IdempotencyStore {
  /** Atomically claims `key` for `fingerprint`; the claim lapses after `lockTtlMs` (crashed replica). */
  claim(scope: string, key: string, fingerprint: string, lockTtlMs: number): Promise<IdempotencyClaim>;
  /** Stores the response of a claimed key for `ttlMs`. */
  complete(scope: string, key: string, fingerprint: string, response: StoredResponse, ttlMs: number): Promise<void>;
  /** Gives a claimed key up (the request failed with 5xx): a retry may run again. */
  release(scope: string, key: string, fingerprint: string): Promise<void>;
}
