/** Seals a verified My Number for one tenant and session (format: sealed-format.ts). */
import { createCipheriv, randomBytes, type KeyObject } from 'node:crypto';
import type { MyNumber } from '../my-number.js';
import type { VaultKeyRing } from './key-ring.js';
import { GCM_IV_BYTES, associatedData, formatSealed, type VaultBinding } from './sealed-format.js';

export interface Sealed {
  readonly sealed: string;
  readonly keyId: string;
}

export function sealMyNumber(ring: VaultKeyRing, binding: VaultBinding, myNumber: MyNumber): Sealed {
  const { id: keyId, key: kek } = ring.active;
  const dataKey = randomBytes(32);
  try {
    const [wrapIv, wrappedKey] = gcmEncrypt(kek, dataKey, associatedData('data-key', keyId, binding));
    const plaintext = Buffer.from(myNumber.reveal(), 'ascii');
    const [iv, ciphertext] = gcmEncrypt(dataKey, plaintext, associatedData('my-number', keyId, binding));
    plaintext.fill(0);
    return { sealed: formatSealed({ keyId, wrapIv, wrappedKey, iv, ciphertext }), keyId };
  } finally {
    dataKey.fill(0);
  }
}

/** AES-256-GCM with a fresh random 96-bit IV (NIST SP 800-38D §8.2.2); returns [iv, ciphertext‖tag]. */
function gcmEncrypt(key: KeyObject | Buffer, plaintext: Buffer, aad: Buffer): [Buffer, Buffer] {
  const iv = randomBytes(GCM_IV_BYTES);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  return [iv, Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()])];
}
