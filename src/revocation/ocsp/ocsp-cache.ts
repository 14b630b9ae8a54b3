/**
 * Bounded LRU of verified OCSP answers keyed by (issuer key hash, serial). A Map keeps
 * insertion order, so "touch" is delete + set and the oldest key is the first one: O(1), no
 * allocation beyond the Map's own, which keeps a warm lookup in the sub-microsecond range.
 */
export interface OcspCacheEntry<T> {
  readonly value: T;
  /** Not served at or after this instant (ms). */
  readonly expiresAt: number;
}

export class OcspCache<T> {
  private readonly map = new Map<string, OcspCacheEntry<T>>();

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 0)
      throw new TypeError('cacheSize must be a non-negative integer');
  }

  get size(): number {
    return this.map.size;
  }

  /** The live entry for `key`, refreshed as most recently used; expired entries are dropped. */
  get(key: string, now: number): OcspCacheEntry<T> | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key);
    if (now >= e.expiresAt) return undefined;
    this.map.set(key, e);
    return e;
  }

  set(key: string, value: T, expiresAt: number): void {
    if (this.capacity === 0) return;
    this.map.delete(key);
    if (this.map.size >= this.capacity) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, { value, expiresAt });
  }

  delete(key: string): void {
    this.map.delete(key);
  }
}
