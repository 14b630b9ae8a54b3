import { GatewayError } from '../../../errors.js';

const CODE = 'ERR_CARD_EF0001_MALFORMED';
export const EF0001_LENGTH = 17;

/** EF0001 before any check: the 12 characters stay `unverified` until the chain of checks passes. */
export interface ParsedEf0001 {
  readonly raw: Uint8Array;
  readonly unverifiedDigits: string;
}

/**
 * jpki-reference §3 EF0001: `FF 10 0C` + 12 ASCII digits + 2 filler bytes, 17 bytes physical.
 * The filler's value is not documented: any two bytes are accepted, and they are covered by
 * DF31 = SHA-256 of all 17 bytes, so changing them is still detected. Details never quote digits.
 */
export function parseEf0001(raw: Uint8Array): ParsedEf0001 {
  // jpki-reference §3: the file is exactly 17 bytes
  if (raw.length !== EF0001_LENGTH) throw new GatewayError(CODE, `must be ${EF0001_LENGTH} bytes, got ${raw.length}`);
  // jpki-reference §3: tag FF10, length 0C
  if (raw[0] !== 0xff || raw[1] !== 0x10 || raw[2] !== 0x0c)
    throw new GatewayError(CODE, 'does not start with FF 10 0C');
  let digits = '';
  for (let i = 3; i < 15; i++) {
    const b = raw[i]!;
    // jpki-reference §3: 12 ASCII digits
    if (b < 0x30 || b > 0x39) throw new GatewayError(CODE, 'My Number is not 12 ASCII digits');
    digits += String.fromCharCode(b);
  }
  return { raw, unverifiedDigits: digits };
}
