/**
 * A bounded cache with first-in-first-out eviction, for values that are a pure function of their
 * key (imported keys, parsed issuer names, verified certificate links). A Map keeps insertion
 * order, so the oldest key is the first one: O(1) eviction, and hostile inputs cannot grow it.
 */
export class FifoCache<V> {
  private readonly map = new Map<string, V>();

  constructor(readonly limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new TypeError('FifoCache: limit must be a positive integer');
  }

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (!this.map.has(key) && this.map.size >= this.limit) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, value);
  }

  clear(): void {
    this.map.clear();
  }
}

/** The bytes `[start, end)` as a string key (latin1: one char per byte, one native call). */
export function bytesKey(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}
