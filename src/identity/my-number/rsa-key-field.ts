/**
 * The RSA public key as the text AP stores it (jpki-reference §3, EF0004 body):
 * `90 03 010001 91 82 0100 <256-byte modulus>` — exponent 65537 and a 2048-bit modulus, as
 * every JPKI card key (jpki-reference §1). EF0007's DF51 uses the same 265-byte form (our
 * choice where the reference is silent; the sandbox writes exactly this).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { GatewayError, type ErrorCode } from '../../errors.js';

export const RSA_KEY_FIELD_LENGTH = 265;
const PREFIX = [0x90, 0x03, 0x01, 0x00, 0x01, 0x91, 0x82, 0x01, 0x00] as const;

export function readRsaKeyField(bytes: Uint8Array, code: ErrorCode, what: string): KeyObject {
  if (bytes.length !== RSA_KEY_FIELD_LENGTH)
    throw new GatewayError(code, `${what}: RSA key must be ${RSA_KEY_FIELD_LENGTH} bytes`);
  // jpki-reference §3: exponent 90 03 010001, then modulus 91 82 0100
  for (let i = 0; i < PREFIX.length; i++) {
    if (bytes[i] !== PREFIX[i]) throw new GatewayError(code, `${what}: RSA key is not 90 03 010001 91 82 0100`);
  }
  const modulus = bytes.subarray(PREFIX.length);
  // jpki-reference §1: RSA-2048, i.e. the top bit of the 256-byte modulus is set; a modulus is odd
  if ((modulus[0]! & 0x80) === 0 || (modulus[255]! & 1) === 0)
    throw new GatewayError(code, `${what}: not a 2048-bit RSA modulus`);
  try {
    return createPublicKey({
      key: { kty: 'RSA', n: Buffer.from(modulus).toString('base64url'), e: 'AQAB' },
      format: 'jwk',
    });
  } catch {
    throw new GatewayError(code, `${what}: RSA key cannot be imported`);
  }
}
