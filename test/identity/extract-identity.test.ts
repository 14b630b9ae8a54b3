import { describe, expect, it } from 'vitest';
import { extractIdentity } from '../../src/identity/extract-identity.js';
import { generalName } from '../../src/sandbox/index.js';
import { OID } from '../../src/pki/oids.js';
import { DEFAULT_ATTRIBUTES, otherNameUtf8, sanWith, signingCertWith, signingCertWithSan } from './fixtures.js';

describe('extractIdentity: round trip through a sandbox signing certificate', () => {
  it('returns the basic four, raw and normalized', () => {
    const cert = signingCertWith({
      name: '試験　太郎',
      birthDate: '1985-11-23',
      sex: 'male',
      address: '東京都千代田区サンドボックス町１ー２ー３　テストハイツ１０１',
    });
    const { identity, warnings } = extractIdentity(cert);
    expect(identity).toEqual({
      name: '試験　太郎',
      nameNormalized: '試験　太郎',
      nameSubstituteFlags: '00000',
      nameSubstitutePositions: [],
      address: '東京都千代田区サンドボックス町１ー２ー３　テストハイツ１０１',
      addressNormalized: '東京都千代田区サンドボックス町1-2-3　テストハイツ101',
      addressSubstituteFlags: '0'.repeat(30),
      addressSubstitutePositions: [],
      birthDate: '1985-11-23',
      birthDateRaw: '319851123',
      birthEra: 'showa',
      sex: 'male',
      sexCode: '1',
    });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['female', '2'],
    ['male', '1'],
    ['unknown', '3'],
  ] as const)('sex %s ↔ code %s', (sex, code) => {
    const { identity } = extractIdentity(signingCertWith({ sex }));
    expect(identity.sex).toBe(sex);
    expect(identity.sexCode).toBe(code);
  });

  it('reports substitute-character positions for name and address (code points, 0-based)', () => {
    // 𠮷 (U+20BB7) is outside the BMP: one character, one flag, even though it is two UTF-16 units.
    const cert = signingCertWith({
      name: '𠮷野　髙子',
      nameSubstituteFlags: '10001',
      address: '東京都葛飾区試験町１ー１',
      addressSubstituteFlags: '000100000000',
    });
    const { identity } = extractIdentity(cert);
    expect(identity.nameSubstitutePositions).toEqual([0, 4]);
    expect(identity.nameSubstituteFlags).toBe('10001');
    expect(Array.from(identity.name)[4]).toBe('子');
    expect(identity.addressSubstitutePositions).toEqual([3]);
    expect(Array.from(identity.address)[3]).toBe('葛');
  });

  it('reads the attributes in any order and ignores other GeneralNames', () => {
    const entries = sanWith();
    const shuffled = [
      entries[5]!,
      generalName.uri('http://example.invalid/'),
      entries[2]!,
      entries[0]!,
      entries[4]!,
      entries[3]!,
      entries[1]!,
    ];
    const { identity } = extractIdentity(signingCertWithSan(...shuffled));
    expect(identity.name).toBe(DEFAULT_ATTRIBUTES[OID.jpkiName]);
    expect(identity.birthDate).toBe('1990-04-01');
  });

  it('ignores unknown 1.2.392.200149.8.5.5.x attributes, even repeated and not UTF8String', () => {
    const cert = signingCertWithSan(
      ...sanWith(),
      otherNameUtf8('1.2.392.200149.8.5.5.7', '旧姓'),
      otherNameUtf8('1.2.392.200149.8.5.5.7', '旧姓'),
      otherNameUtf8('1.2.392.200149.8.5.5.16', 'シケン　ハナコ'),
      otherNameUtf8('1.2.392.200149.8.5.5', 'not an attribute'),
    );
    const { identity, warnings } = extractIdentity(cert);
    expect(identity.name).toBe('試験　花子');
    expect(warnings).toEqual([]);
  });
});

describe('extractIdentity: the OID mapping (.5 address, .6 its flags; .2 name flags, .4 DOB)', () => {
  // Values chosen so that any swap of .5/.6 or .2/.4 produces a different, visible result.
  const nine = '試験　花子ＡＢＣＤ'; // 9 characters → 9 name flags, as many as the DOB has digits
  const attrs = {
    [OID.jpkiName]: nine,
    [OID.jpkiNameSubstitute]: '000000001',
    [OID.jpkiBirthDate]: '419900102',
    [OID.jpkiAddress]: '東京都港区１',
    [OID.jpkiAddressSubstitute]: '010000',
  };

  it('maps each OID to its attribute', () => {
    const { identity } = extractIdentity(signingCertWithSan(...sanWith(attrs)));
    expect(identity.name).toBe(nine);
    expect(identity.nameSubstitutePositions).toEqual([8]);
    expect(identity.birthDate).toBe('1990-01-02');
    expect(identity.birthDateRaw).toBe('419900102');
    expect(identity.address).toBe('東京都港区１');
    expect(identity.addressSubstitutePositions).toEqual([1]);
    expect(identity.sexCode).toBe('2');
  });

  it('refuses a certificate written with .5/.6 swapped (flags where the address belongs)', () => {
    const swapped = { ...attrs, [OID.jpkiAddress]: '010000', [OID.jpkiAddressSubstitute]: '東京都港区１' };
    expect(() => extractIdentity(signingCertWithSan(...sanWith(swapped)))).toThrowError(
      expect.objectContaining({ code: 'ERR_IDENTITY_MALFORMED' }),
    );
  });

  it('refuses a certificate written with .2/.4 swapped (DOB where the name flags belong)', () => {
    const swapped = { ...attrs, [OID.jpkiNameSubstitute]: '419900102', [OID.jpkiBirthDate]: '000000001' };
    expect(() => extractIdentity(signingCertWithSan(...sanWith(swapped)))).toThrowError(
      expect.objectContaining({ code: 'ERR_IDENTITY_MALFORMED' }),
    );
  });
});

describe('extractIdentity: partial and era-coded birth dates', () => {
  it.each([
    ['1990-04-00', undefined, '1990-04', '419900400', 'heisei'],
    ['1990-00-00', undefined, '1990', '419900000', 'heisei'],
    ['0000-00-00', undefined, null, '000000000', 'unknown'],
    ['0000-00-00', 1, null, '100000000', 'meiji'], // 明治 known, year unknown (生年月日不詳)
    ['1990-04-01', 0, '1990-04-01', '019900401', 'unknown'],
    ['1912-07-29', 1, '1912-07-29', '119120729', 'meiji'],
    ['1912-07-30', 2, '1912-07-30', '219120730', 'taisho'],
    ['1926-12-24', 2, '1926-12-24', '219261224', 'taisho'],
    ['1926-12-25', 3, '1926-12-25', '319261225', 'showa'],
    ['1989-01-07', 3, '1989-01-07', '319890107', 'showa'],
    ['1989-01-08', 4, '1989-01-08', '419890108', 'heisei'],
    ['2019-04-30', 4, '2019-04-30', '420190430', 'heisei'],
    ['2019-05-01', 5, '2019-05-01', '520190501', 'reiwa'],
    ['1989-00-00', 3, '1989', '319890000', 'showa'], // 1989 spans both eras
    ['1989-00-00', 4, '1989', '419890000', 'heisei'],
    ['1989-01-00', 3, '1989-01', '319890100', 'showa'],
    ['1989-01-00', 4, '1989-01', '419890100', 'heisei'],
    ['2019-04-00', 4, '2019-04', '420190400', 'heisei'],
    ['2019-05-00', 5, '2019-05', '520190500', 'reiwa'],
    ['2024-02-29', 5, '2024-02-29', '520240229', 'reiwa'],
    ['2000-02-29', 4, '2000-02-29', '420000229', 'heisei'],
  ] as const)('%s era %s → %s without warning', (birthDate, era, expected, raw, eraName) => {
    const { identity, warnings } = extractIdentity(
      signingCertWith({ birthDate, ...(era === undefined ? {} : { era }) }),
    );
    expect(identity.birthDate).toBe(expected);
    expect(identity.birthDateRaw).toBe(raw);
    expect(identity.birthEra).toBe(eraName);
    expect(warnings).toEqual([]);
  });

  it.each([
    ['1989-01-07', 4, 'heisei'],
    ['1989-01-08', 3, 'showa'],
    ['2019-04-30', 5, 'reiwa'],
    ['2019-05-01', 4, 'heisei'],
    ['2020-01-01', 3, 'showa'],
    ['1989-02-00', 3, 'showa'],
    ['2019-00-00', 3, 'showa'],
    ['1850-01-01', 1, 'meiji'],
  ] as const)('%s with era %s: the Gregorian date wins, with WARN_IDENTITY_ERA_MISMATCH', (birthDate, era, eraName) => {
    const { identity, warnings } = extractIdentity(signingCertWith({ birthDate, era }));
    expect(identity.birthDate).toBe(birthDate.replace(/(-00)+$/, ''));
    expect(identity.birthEra).toBe(eraName);
    expect(warnings).toEqual([expect.objectContaining({ code: 'WARN_IDENTITY_ERA_MISMATCH' })]);
  });
});
