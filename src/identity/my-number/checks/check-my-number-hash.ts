import { createHash, timingSafeEqual } from 'node:crypto';
import { GatewayError } from '../../../errors.js';
import type { ParsedEf0003 } from './parse-ef0003.js';

// jpki-reference §3 step 3: DF31 == SHA-256(EF0001, all 17 bytes).
export function checkMyNumberHash(ef0001Raw: Uint8Array, ef0003: ParsedEf0003): void {
  const actual = createHash('sha256').update(ef0001Raw).digest();
  if (!timingSafeEqual(actual, ef0003.myNumberHash)) throw new GatewayError('ERR_CARD_MY_NUMBER_HASH_MISMATCH');
}
