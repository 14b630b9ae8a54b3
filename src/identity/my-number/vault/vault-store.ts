/**
 * The vault's storage port (owned here, its consumer; adapters in src/storage/sessions/).
 * A record is removed exactly once — by `take` (read once) or `takeDue` (TTL) — and the caller
 * that removed its index entry is the one that writes the deletion audit event, so every record
 * gets one deletion event even across replicas and even when the backstop TTL beat the sweeper.
 */
import type { VaultBinding } from './sealed-format.js';

export interface VaultRecord {
  readonly sealed: string;
  readonly keyId: string;
  /** When the record must be gone (injected clock, ms since epoch). */
  readonly dueAtMs: number;
}

export interface VaultTake {
  /** Absent when the backstop TTL already dropped the bytes (or there never was a record). */
  readonly record: VaultRecord | undefined;
  /** True for exactly one caller per stored record: that caller audits the deletion. */
  readonly removed: boolean;
}

export interface VaultStore {
  /** Stores unless a record exists (SET NX); the adapter keeps the bytes at most `backstopTtlMs`. */
  put(ref: VaultBinding, record: VaultRecord, backstopTtlMs: number): Promise<boolean>;
  /** Atomic get-and-delete (GETDEL). */
  take(ref: VaultBinding): Promise<VaultTake>;
  /** The stored record's dueAtMs, if its bytes are still there. */
  dueAt(ref: VaultBinding): Promise<number | undefined>;
  /** Atomically removes up to `limit` records with dueAtMs ≤ nowMs and returns their refs. */
  takeDue(nowMs: number, limit: number): Promise<readonly VaultBinding[]>;
}
