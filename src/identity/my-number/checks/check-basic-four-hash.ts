import { createHash, timingSafeEqual } from 'node:crypto';
import { GatewayError } from '../../../errors.js';
import type { ParsedEf0002 } from './parse-ef0002.js';
import type { ParsedEf0003 } from './parse-ef0003.js';

// jpki-reference §3 step 3: DF32 == SHA-256(EF0002 from the DF22 tag to the end of the file).
export function checkBasicFourHash(ef0002: ParsedEf0002, ef0003: ParsedEf0003): void {
  const actual = createHash('sha256').update(ef0002.raw.subarray(ef0002.hashedFrom)).digest();
  if (!timingSafeEqual(actual, ef0003.basicFourHash)) throw new GatewayError('ERR_CARD_BASIC_FOUR_HASH_MISMATCH');
}
