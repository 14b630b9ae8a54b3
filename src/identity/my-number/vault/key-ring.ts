/**
 * The vault key ring: AES-256 key-encryption keys by id, the first one active. Rotation
 * without downtime: deploy [new, old] (new records sealed with `new`, old ones still open),
 * then drop `old` once every record sealed with it has been read or has expired (≤ the vault
 * TTL). Keys are held as KeyObjects so they never print in logs or inspect output.
 */
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

export const VAULT_KEY_BYTES = 32;
/** Key ids travel in every sealed record, which is '.'-separated: keep them plain. */
export const VAULT_KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface VaultKeyInput {
  readonly id: string;
  /** 32 raw bytes. */
  readonly key: Uint8Array;
}

export interface VaultKey {
  readonly id: string;
  readonly key: KeyObject;
}

export interface VaultKeyRing {
  /** Seals every new record. */
  readonly active: VaultKey;
  /** Any ring key, for opening records sealed before a rotation. */
  get(id: string): VaultKey | undefined;
  readonly ids: readonly string[];
}

/** Caller bugs (bad ids, wrong key sizes, duplicates) throw TypeError: validate config first. */
export function createVaultKeyRing(keys: readonly VaultKeyInput[]): VaultKeyRing {
  if (!Array.isArray(keys) || keys.length === 0) throw new TypeError('vault key ring: at least one key');
  const byId = new Map<string, VaultKey>();
  for (const [i, k] of keys.entries()) {
    if (typeof k?.id !== 'string' || !VAULT_KEY_ID.test(k.id)) throw new TypeError(`vault key ${i}: bad id`);
    if (!(k.key instanceof Uint8Array) || k.key.length !== VAULT_KEY_BYTES)
      throw new TypeError(`vault key ${k.id}: must be ${VAULT_KEY_BYTES} bytes`);
    if (byId.has(k.id)) throw new TypeError(`vault key ${k.id}: duplicate id`);
    byId.set(k.id, Object.freeze({ id: k.id, key: createSecretKey(k.key) }));
  }
  const active = byId.get(keys[0]!.id)!;
  return Object.freeze({ active, get: (id: string) => byId.get(id), ids: Object.freeze([...byId.keys()]) });
}

/** Sandbox mode: a fresh random key per process, so nothing sealed survives a restart. */
export function generateEphemeralVaultKeyRing(): VaultKeyRing {
  return createVaultKeyRing([{ id: `ephemeral-${randomBytes(4).toString('hex')}`, key: randomBytes(VAULT_KEY_BYTES) }]);
}
