// The My Number vault: AES-256-GCM envelope encryption with a key ring, readable once, audited.
export { createVaultKeyRing, generateEphemeralVaultKeyRing, VAULT_KEY_BYTES } from './key-ring.js';
export type { VaultKey, VaultKeyInput, VaultKeyRing } from './key-ring.js';
export { parseVaultKeys, type ParsedVaultKeys } from './parse-vault-keys.js';
export { sealMyNumber } from './seal-my-number.js';
export { openMyNumber } from './open-my-number.js';
export type { VaultBinding } from './sealed-format.js';
export type { VaultRecord, VaultStore, VaultTake } from './vault-store.js';
export { createMyNumberVault, DEFAULT_VAULT_TTL_MS } from './create-my-number-vault.js';
export type { MyNumberRead, MyNumberVault, MyNumberVaultOptions } from './create-my-number-vault.js';
