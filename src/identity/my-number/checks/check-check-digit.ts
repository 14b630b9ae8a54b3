import { GatewayError } from '../../../errors.js';
import { hasValidCheckDigit } from '../check-digit.js';
import type { ParsedEf0001 } from './parse-ef0001.js';

// jpki-reference §3: the 12th digit is the check digit of the first 11 (weights 6,5,4,3,2,7,6,5,4,3,2).
export function checkCheckDigit(ef0001: ParsedEf0001): void {
  if (!hasValidCheckDigit(ef0001.unverifiedDigits)) throw new GatewayError('ERR_MY_NUMBER_CHECK_DIGIT');
}
