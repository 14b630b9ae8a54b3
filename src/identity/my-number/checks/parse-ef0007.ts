import type { KeyObject } from 'node:crypto';
import { GatewayError } from '../../../errors.js';
import { checkSize, expectTlv, expectWholeFile } from '../ber-tlv.js';
import { RSA_KEY_FIELD_LENGTH, readRsaKeyField } from '../rsa-key-field.js';

const CODE = 'ERR_CARD_EF0007_MALFORMED';
export const MAX_EF0007_BYTES = 1024;

export interface ParsedEf0007 {
  /** DF51 TLV exactly as stored (the first part of what DF52 signs). */
  readonly keyTlv: Uint8Array;
  readonly signature: Uint8Array;
  /** The card's internal-authentication key; trusted only once DF52 verified. */
  readonly unverifiedKey: KeyObject;
}

/**
 * jpki-reference §3 EF0007 (the card's own key): `FF 50 { DF51 RSA public key ; DF52 issuer
 * signature }`. Where the reference is silent we chose, and the sandbox writes exactly this:
 * DF51 holds the key in EF0004's form (`90 03 010001 91 82 0100 <modulus>`, 265 bytes);
 * DF52 is a 256-byte RSASSA-PKCS1-v1_5 SHA-256 signature by EF0004's key — see
 * check-card-key-signature.ts for what it covers.
 */
export function parseEf0007(raw: Uint8Array): ParsedEf0007 {
  checkSize(raw, MAX_EF0007_BYTES, 'EF0007');
  const outer = expectWholeFile(raw, 0xff50, CODE, 'EF0007');
  const key = expectTlv(raw, outer.valueStart, outer.end, 0xdf51, CODE, 'EF0007', RSA_KEY_FIELD_LENGTH);
  const sig = expectTlv(raw, key.end, outer.end, 0xdf52, CODE, 'EF0007', 256);
  if (sig.end !== outer.end) throw new GatewayError(CODE, 'EF0007: unexpected element after DF52');
  return {
    keyTlv: raw.subarray(key.start, key.end),
    signature: raw.subarray(sig.valueStart, sig.end),
    unverifiedKey: readRsaKeyField(raw.subarray(key.valueStart, key.end), CODE, 'EF0007'),
  };
}
