/**
 * Opens a sealed record with whichever ring key sealed it. Fails closed with a coded error: an
 * unknown key id, a malformed record, or any authentication failure (tampering, or a record
 * presented for another tenant or session) — never a partial plaintext.
 */
import { createDecipheriv, type KeyObject } from 'node:crypto';
import { GatewayError } from '../../../errors.js';
import { hasValidCheckDigit } from '../check-digit.js';
import { verifiedMyNumber, type MyNumber } from '../my-number.js';
import type { VaultKeyRing } from './key-ring.js';
import { GCM_TAG_BYTES, associatedData, parseSealed, type VaultBinding } from './sealed-format.js';

export function openMyNumber(ring: VaultKeyRing, binding: VaultBinding, sealed: string): MyNumber {
  const parts = parseSealed(sealed);
  if (!parts) throw new GatewayError('ERR_VAULT_RECORD_MALFORMED');
  const ringKey = ring.get(parts.keyId);
  if (!ringKey) throw new GatewayError('ERR_VAULT_KEY_UNKNOWN', `key id ${parts.keyId}`);
  const dataKey = gcmDecrypt(
    ringKey.key,
    parts.wrapIv,
    parts.wrappedKey,
    associatedData('data-key', parts.keyId, binding),
  );
  let digits: string;
  try {
    const plain = gcmDecrypt(dataKey, parts.iv, parts.ciphertext, associatedData('my-number', parts.keyId, binding));
    digits = plain.toString('ascii');
    plain.fill(0);
  } finally {
    dataKey.fill(0);
  }
  // Defence in depth: only a number that passed the card verifier was ever sealed.
  if (!hasValidCheckDigit(digits)) throw new GatewayError('ERR_VAULT_RECORD_MALFORMED', 'plaintext is not a My Number');
  return verifiedMyNumber(digits);
}

function gcmDecrypt(key: KeyObject | Buffer, iv: Buffer, body: Buffer, aad: Buffer): Buffer {
  try {
    const d = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
    d.setAAD(aad);
    d.setAuthTag(body.subarray(body.length - GCM_TAG_BYTES));
    return Buffer.concat([d.update(body.subarray(0, body.length - GCM_TAG_BYTES)), d.final()]);
  } catch (e) {
    throw new GatewayError('ERR_VAULT_DECRYPT', 'AES-GCM authentication failed', { cause: e });
  }
}
