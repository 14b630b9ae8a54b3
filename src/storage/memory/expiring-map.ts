/**
 * A Map whose entries expire by an injected clock (memory adapters). Expiry is checked on
 * read and swept when the map grows, so an idle process holds nothing past its TTL for long.
 */
import type { Clock } from '../../clock.js';

export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  private nextSweep = 1024;

  constructor(private readonly clock: Clock) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.clock.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: V, ttlMs: number): void {
    this.entries.set(key, { value, expiresAt: this.clock.now().getTime() + ttlMs });
    if (this.entries.size >= this.nextSweep) this.sweep();
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k);
    this.nextSweep = Math.max(1024, this.entries.size * 2);
  }
}
