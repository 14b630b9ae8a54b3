/**
 * Sex codes of the two JPKI sources, to one comparable `Sex` (jpki-reference §2, §3).
 * Errors never include the value: it is personal data and details reach the logs.
 */
import { GatewayError } from '../errors.js';
import type { JpkiSexCode, Sex } from './types.js';

const FROM_JPKI: Readonly<Record<string, Sex>> = { '1': 'male', '2': 'female', '3': 'unknown' };

// ISO/IEC 5218. 9 "not applicable" has no counterpart in the certificate, whose only
// non-binary value is 3 "unknown"; both 0 and 9 therefore compare as 'unknown'.
const FROM_ISO5218: Readonly<Record<string, Sex>> = { '0': 'unknown', '1': 'male', '2': 'female', '9': 'unknown' };

/** The certificate's digit (attribute 1.2.392.200149.8.5.5.3): 1 male, 2 female, 3 unknown. */
export function sexFromJpkiCode(unverifiedCode: string): { sex: Sex; sexCode: JpkiSexCode } {
  // jpki-reference §2: one ASCII digit 1, 2 or 3
  const sex = Object.hasOwn(FROM_JPKI, unverifiedCode) ? FROM_JPKI[unverifiedCode] : undefined;
  if (sex === undefined) throw new GatewayError('ERR_IDENTITY_MALFORMED', 'sex: not one of 1, 2, 3');
  return { sex, sexCode: unverifiedCode as JpkiSexCode };
}

/** The text application's digit (EF0002 DF25, ISO 5218): 0 unknown, 1 male, 2 female, 9 n/a. */
export function sexFromIso5218(unverifiedCode: string): Sex {
  // jpki-reference §3: one ASCII digit per ISO/IEC 5218
  const sex = Object.hasOwn(FROM_ISO5218, unverifiedCode) ? FROM_ISO5218[unverifiedCode] : undefined;
  if (sex === undefined) throw new GatewayError('ERR_IDENTITY_MALFORMED', 'sex: not an ISO 5218 code');
  return sex;
}
