import { GatewayError } from '../../../errors.js';
import { birthDateFromTextAp } from '../../birth-date.js';
import { normalizeForComparison } from '../../normalize.js';
import { sexFromIso5218 } from '../../sex.js';
import { expectTlv, expectWholeFile, checkSize } from '../ber-tlv.js';
import type { CardBasicFour } from '../types.js';

const CODE = 'ERR_CARD_EF0002_MALFORMED';
/** Generous: the address is at most 200 characters (jpki-reference §2), ≤ 4 UTF-8 bytes each. */
export const MAX_EF0002_BYTES = 2048;

export interface ParsedEf0002 {
  readonly raw: Uint8Array;
  /** Offset of DF22: DF32 hashes the file from here to its end (jpki-reference §3). */
  readonly hashedFrom: number;
  readonly unverifiedBasicFour: CardBasicFour;
}

// ignoreBOM: a leading U+FEFF is part of the value and must be refused, not stripped.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Controls, bidi controls and U+FEFF cannot come from the register's character set.
const FORBIDDEN = /[\p{Cc}\p{Bidi_Control}\uFEFF]/u;

/**
 * jpki-reference §3 EF0002: `FF 20 L { DF21 08 offsets ; DF22 name ; DF23 address ; DF24 DOB ;
 * DF25 sex }`, the file being exactly that element. DF21 is not covered by DF32's hash, so it
 * is held to one reading (ours; the reference names no base): four big-endian u16 offsets of
 * the DF22, DF23, DF24 and DF25 tags from the first byte of the file, each required to equal
 * the actual position — so no byte of the file can change without being detected.
 */
export function parseEf0002(raw: Uint8Array): ParsedEf0002 {
  checkSize(raw, MAX_EF0002_BYTES, 'EF0002');
  const outer = expectWholeFile(raw, 0xff20, CODE, 'EF0002');
  const offsets = expectTlv(raw, outer.valueStart, outer.end, 0xdf21, CODE, 'EF0002', 8);
  const name = expectTlv(raw, offsets.end, outer.end, 0xdf22, CODE, 'EF0002');
  const address = expectTlv(raw, name.end, outer.end, 0xdf23, CODE, 'EF0002');
  const dob = expectTlv(raw, address.end, outer.end, 0xdf24, CODE, 'EF0002', 8);
  const sex = expectTlv(raw, dob.end, outer.end, 0xdf25, CODE, 'EF0002', 1);
  if (sex.end !== outer.end) throw new GatewayError(CODE, 'EF0002: unexpected element after DF25');
  [name, address, dob, sex].forEach((t, i) => {
    const declared = raw[offsets.valueStart + 2 * i]! * 256 + raw[offsets.valueStart + 2 * i + 1]!;
    if (declared !== t.start)
      throw new GatewayError(CODE, `EF0002: DF21 offset ${i + 1} does not point at its element`);
  });

  const nameValue = text(raw.subarray(name.valueStart, name.end), 'name');
  const addressValue = text(raw.subarray(address.valueStart, address.end), 'address');
  const birthDateRaw = ascii(raw.subarray(dob.valueStart, dob.end));
  const sexCode = ascii(raw.subarray(sex.valueStart, sex.end));
  let birthDate, sexValue;
  try {
    birthDate = birthDateFromTextAp(birthDateRaw); // jpki-reference §3 DF24: YYYYMMDD, Gregorian
    sexValue = sexFromIso5218(sexCode); // jpki-reference §3 DF25: ISO 5218 digit
  } catch (e) {
    throw new GatewayError(CODE, `EF0002: ${e instanceof GatewayError ? (e.detail ?? e.code) : 'undecodable'}`);
  }
  return {
    raw,
    hashedFrom: name.start,
    unverifiedBasicFour: {
      name: nameValue,
      nameNormalized: normalizeForComparison(nameValue),
      address: addressValue,
      addressNormalized: normalizeForComparison(addressValue),
      birthDate,
      birthDateRaw,
      sex: sexValue,
      sexCode: sexCode as CardBasicFour['sexCode'],
    },
  };
}

function text(bytes: Uint8Array, field: string): string {
  let s: string;
  try {
    s = utf8.decode(bytes); // jpki-reference §3: DF22, DF23 are UTF-8
  } catch {
    throw new GatewayError(CODE, `EF0002: ${field} is not UTF-8`);
  }
  if (s.length === 0) throw new GatewayError(CODE, `EF0002: ${field} is empty`);
  if (FORBIDDEN.test(s)) throw new GatewayError(CODE, `EF0002: ${field} contains a control or bidi character`);
  return s;
}

function ascii(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b > 0x7e || b < 0x20) throw new GatewayError(CODE, 'EF0002: date of birth or sex is not ASCII');
    s += String.fromCharCode(b);
  }
  return s;
}
