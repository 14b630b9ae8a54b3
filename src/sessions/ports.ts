/**
 * Storage ports of the session domain (owned here, by their consumer; memory and Redis adapters
 * in src/storage/sessions/, one shared contract suite in test/storage/sessions/). Times are
 * relative TTLs computed from the injected clock, so an adapter never compares our clock
 * with its own.
 */
import type { SessionRecord } from './types.js';

export interface StoredSession {
  readonly record: SessionRecord;
  /** Incremented by every successful write: the compare-and-set token. */
  readonly version: number;
}

export interface SessionStore {
  /** Stores a new record (version 1) unless the id exists. */
  insert(record: SessionRecord, ttlMs: number): Promise<boolean>;
  get(tenantId: string, id: string): Promise<StoredSession | undefined>;
  /** Compare-and-set: writes only if the stored version is still `expectedVersion`. */
  replace(record: SessionRecord, expectedVersion: number, ttlMs: number): Promise<boolean>;
}

/**
 * Single-use values. `tenantId: null` = the global namespace, used only where the caller cannot
 * know the tenant yet (a client token) or where reuse must be refused across tenants (a
 * signature value); everything else lives under its tenant's prefix.
 */
export type SingleUseKind = 'client-token' | 'nonce' | 'card-challenge' | 'signature';

export interface SingleUseKey {
  readonly tenantId: string | null;
  readonly kind: SingleUseKind;
  readonly id: string;
}

export interface SingleUseStore {
  /** SET NX PX: true when stored, false when the key already exists. */
  putIfAbsent(key: SingleUseKey, value: string, ttlMs: number): Promise<boolean>;
  /** GET without consuming. */
  peek(key: SingleUseKey): Promise<string | undefined>;
  /** GETDEL: exactly one caller, on any replica, gets the value. */
  take(key: SingleUseKey): Promise<string | undefined>;
}
