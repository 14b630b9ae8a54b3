import { describe, expect, it } from 'vitest';
import { OID } from '../../src/pki/oids.js';
import {
  DEFAULT_IDENTITY,
  encodeBirthDate,
  eraCode,
  fifthBirthdayAfter,
  identityOtherNames,
} from '../../src/sandbox/index.js';

describe('birth date encoding (EYYYYMMDD)', () => {
  it.each([
    ['1912-07-29', 1],
    ['1912-07-30', 2],
    ['1926-12-24', 2],
    ['1926-12-25', 3],
    ['1989-01-07', 3],
    ['1989-01-08', 4],
    ['2019-04-30', 4],
    ['2019-05-01', 5],
    ['1950-00-00', 3],
    ['0000-00-00', 0],
  ])('%s → era %i', (date, era) => {
    expect(eraCode(date)).toBe(era);
  });

  it('keeps the Gregorian date after the era digit; partial dates keep 00', () => {
    expect(encodeBirthDate('1990-04-01')).toBe('419900401');
    expect(encodeBirthDate('1965-03-00')).toBe('319650300');
    expect(encodeBirthDate('1989-01-00', 4)).toBe('419890100'); // 平成元年1月, day unknown
    expect(() => encodeBirthDate('1990/04/01')).toThrow(TypeError);
  });
});

describe('notAfter = 14:59:59Z on the 5th birthday after issuance', () => {
  const issued = new Date('2026-01-05T00:00:00Z'); // 09:00 JST on 5 Jan
  it.each([
    ['1990-04-01', '2030-04-01T14:59:59.000Z'],
    ['1990-01-05', '2031-01-05T14:59:59.000Z'], // a birthday on the issuance day does not count
    ['1990-01-04', '2031-01-04T14:59:59.000Z'],
    ['2004-02-29', '2030-02-28T14:59:59.000Z'],
    ['1990-00-00', '2031-01-05T14:59:59.000Z'],
  ])('born %s → %s', (birth, expected) => {
    expect(fifthBirthdayAfter(issued, birth).toISOString()).toBe(expected);
  });

  it('uses the Japanese calendar day of issuance', () => {
    // 2026-01-04T16:00Z is already 5 Jan in Japan, so a 5 Jan birthday is the issuance day.
    expect(fifthBirthdayAfter(new Date('2026-01-04T16:00:00Z'), '1990-01-05').toISOString()).toBe(
      '2031-01-05T14:59:59.000Z',
    );
  });
});

describe('identityOtherNames', () => {
  it('lists the six attributes in the observed order .1 .4 .3 .5 .2 .6', () => {
    const entries = identityOtherNames({ ...DEFAULT_IDENTITY });
    expect(entries.map((e) => e.oid)).toEqual([
      OID.jpkiName,
      OID.jpkiBirthDate,
      OID.jpkiSex,
      OID.jpkiAddress,
      OID.jpkiNameSubstitute,
      OID.jpkiAddressSubstitute,
    ]);
    expect(entries[1]?.utf8).toBe('419900401');
    expect(entries[2]?.utf8).toBe('2');
    expect(entries[4]?.utf8).toBe('0'.repeat([...DEFAULT_IDENTITY.name].length));
    expect(entries[5]?.utf8).toHaveLength([...DEFAULT_IDENTITY.address].length);
  });

  it('maps sex and keeps given substitute flags', () => {
    const e = identityOtherNames({
      name: '髙橋　一',
      nameSubstituteFlags: '1000',
      birthDate: '1970-01-01',
      sex: 'unknown',
      address: 'x',
    });
    expect(e[2]?.utf8).toBe('3');
    expect(e[4]?.utf8).toBe('1000');
    expect(identityOtherNames({ ...DEFAULT_IDENTITY, sex: 'male' })[2]?.utf8).toBe('1');
  });

  it('defaults are obviously fictitious', () => {
    expect(DEFAULT_IDENTITY.name).toContain('試験');
    expect(DEFAULT_IDENTITY.address).toContain('サンドボックス');
  });
});
