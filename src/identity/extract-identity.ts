/**
 * Identity extraction: the basic four attributes (基本4情報) of a JPKI signing certificate's
 * subjectAltName → `SignerIdentity` (jpki-reference §2, contract §3 `signer.identity`).
 *
 * Runs after path validation; it decides nothing about trust, only whether the attributes are
 * present once each and well formed. All six attributes are required, the substitute flags
 * included: without them a bank could not tell which characters are stand-ins, so a name
 * would look exact when it is not (fail closed). An authentication certificate has none of
 * them → ERR_IDENTITY_MISSING.
 * Errors: ERR_IDENTITY_MISSING (an attribute absent), ERR_IDENTITY_MALFORMED (repeated, not
 * one UTF8String, or a value that breaks its format). Warning: WARN_IDENTITY_ERA_MISMATCH.
 */
import { GatewayError } from '../errors.js';
import type { Certificate } from '../pki/certificate.js';
import { OID } from '../pki/oids.js';
import { readEraBirthDate } from './birth-date.js';
import { normalizeForComparison } from './normalize.js';
import { readJpkiAttributes, type JpkiIdentityOid } from './read-jpki-attributes.js';
import { sexFromJpkiCode } from './sex.js';
import { checkFlagAlphabet, checkFlagCount, checkNotEmpty, checkPrintable, flaggedPositions } from './text-checks.js';
import type { ExtractedIdentity, IdentityWarning } from './types.js';

const ATTRIBUTE_NAMES: Readonly<Record<JpkiIdentityOid, string>> = {
  [OID.jpkiName]: 'name',
  [OID.jpkiNameSubstitute]: 'name substitute flags',
  [OID.jpkiSex]: 'sex',
  [OID.jpkiBirthDate]: 'birth date',
  [OID.jpkiAddress]: 'address',
  [OID.jpkiAddressSubstitute]: 'address substitute flags',
};

export function extractIdentity(cert: Certificate): ExtractedIdentity {
  const unverified = readJpkiAttributes(cert.subjectAltNames);
  // jpki-reference §2: the signing certificate carries all six attributes
  const required = (oid: JpkiIdentityOid): string => {
    const v = unverified.get(oid);
    if (v === undefined) throw new GatewayError('ERR_IDENTITY_MISSING', `${ATTRIBUTE_NAMES[oid]} (${oid})`);
    return v;
  };
  const nameRaw = required(OID.jpkiName);
  const nameFlags = required(OID.jpkiNameSubstitute);
  const sexRaw = required(OID.jpkiSex);
  const birthDateRaw = required(OID.jpkiBirthDate);
  const addressRaw = required(OID.jpkiAddress);
  const addressFlags = required(OID.jpkiAddressSubstitute);

  const name = checkedText(nameRaw, nameFlags, 'name');
  const address = checkedText(addressRaw, addressFlags, 'address');
  const { sex, sexCode } = sexFromJpkiCode(sexRaw);
  const dob = readEraBirthDate(birthDateRaw);

  const warnings: IdentityWarning[] = [];
  // jpki-reference §2: the era digit precedes the Gregorian date, which is authoritative
  if (!dob.eraConsistent) {
    warnings.push({
      code: 'WARN_IDENTITY_ERA_MISMATCH',
      message: `the birth date's era digit (${dob.era}) does not match its Gregorian date; the Gregorian date is used`,
    });
  }

  return {
    identity: {
      name: name.value,
      nameNormalized: normalizeForComparison(name.value),
      nameSubstituteFlags: name.flags,
      nameSubstitutePositions: name.positions,
      address: address.value,
      addressNormalized: normalizeForComparison(address.value),
      addressSubstituteFlags: address.flags,
      addressSubstitutePositions: address.positions,
      birthDate: dob.birthDate,
      birthDateRaw,
      birthEra: dob.era,
      sex,
      sexCode,
    },
    warnings,
  };
}

function checkedText(value: string, flags: string, field: 'name' | 'address') {
  checkNotEmpty(value, field);
  checkPrintable(value, field);
  checkFlagAlphabet(flags, field);
  checkFlagCount(flags, value, field);
  return { value, flags, positions: flaggedPositions(flags) };
}
