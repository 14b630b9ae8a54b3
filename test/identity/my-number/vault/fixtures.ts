/** Vault fixtures: fake numbers with valid check digits (sandbox-derived, prefix 00000). */
import { randomBytes } from 'node:crypto';
import { verifiedMyNumber, type MyNumber } from '../../../../src/identity/my-number/my-number.js';
import { createVaultKeyRing, type VaultKeyRing } from '../../../../src/identity/my-number/vault/index.js';
import { sandboxMyNumber } from '../../../../src/sandbox/card.js';

export const FAKE_DIGITS = sandboxMyNumber('vault-test');
export const fakeMyNumber = (seed = 'vault-test'): MyNumber => verifiedMyNumber(sandboxMyNumber(seed));

export function ring(...ids: string[]): VaultKeyRing {
  return createVaultKeyRing(ids.map((id) => ({ id, key: keyBytes(id) })));
}

const keys = new Map<string, Uint8Array>();
/** One random key per id for the whole test file, so rings built separately share keys. */
export function keyBytes(id: string): Uint8Array {
  let k = keys.get(id);
  if (!k) keys.set(id, (k = new Uint8Array(randomBytes(32))));
  return k;
}
