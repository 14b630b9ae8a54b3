import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthDateFromEraForm, birthDateFromTextAp, readEraBirthDate } from '../../src/identity/birth-date.js';
import { sexFromIso5218, sexFromJpkiCode } from '../../src/identity/sex.js';

const malformed = expect.objectContaining({ code: 'ERR_IDENTITY_MALFORMED' });

describe('birthDateFromEraForm and birthDateFromTextAp give the same comparable value', () => {
  it.each([
    ['419900401', '19900401', '1990-04-01'],
    ['419900400', '19900400', '1990-04'],
    ['419900000', '19900000', '1990'],
    ['000000000', '00000000', null],
    ['019900401', '19900401', '1990-04-01'],
    ['520240229', '20240229', '2024-02-29'],
  ])('%s ≡ %s → %s', (eraForm, textAp, expected) => {
    expect(birthDateFromEraForm(eraForm)).toBe(expected);
    expect(birthDateFromTextAp(textAp)).toBe(expected);
  });

  it('agree on every 8-digit string (same value or both refused)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{8}$/), fc.constantFrom('0', '1', '2', '3', '4', '5'), (digits, era) => {
        const outcome = (f: () => unknown) => {
          try {
            return { ok: f() };
          } catch (e) {
            return { code: (e as { code?: string }).code };
          }
        };
        expect(outcome(() => birthDateFromEraForm(era + digits))).toEqual(outcome(() => birthDateFromTextAp(digits)));
      }),
      { numRuns: 3000 },
    );
  });

  it('agree with the calendar on every valid full date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1868-01-25T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(birthDateFromTextAp(iso.replace(/-/g, ''))).toBe(iso);
        },
      ),
    );
  });

  it.each([
    '1990040',
    '199004011',
    '1990-4-1',
    '１９９００４０１',
    '19900230',
    '19901301',
    '19900015',
    '00000100',
    ' 1990040',
  ])('text AP %j is refused', (raw) => expect(() => birthDateFromTextAp(raw)).toThrowError(malformed));

  it.each(['19900401', '4199004011', '619900401', 'x19900401'])('era form %j is refused', (raw) =>
    expect(() => birthDateFromEraForm(raw)).toThrowError(malformed),
  );

  it('readEraBirthDate reports the era and whether it contains the date', () => {
    expect(readEraBirthDate('319890107')).toEqual({ birthDate: '1989-01-07', era: 'showa', eraConsistent: true });
    expect(readEraBirthDate('419890107')).toEqual({ birthDate: '1989-01-07', era: 'heisei', eraConsistent: false });
    expect(readEraBirthDate('300000000')).toEqual({ birthDate: null, era: 'showa', eraConsistent: true });
  });
});

describe('sex codes', () => {
  it.each([
    ['1', 'male'],
    ['2', 'female'],
    ['3', 'unknown'],
  ] as const)('certificate %s → %s', (code, sex) => {
    expect(sexFromJpkiCode(code)).toEqual({ sex, sexCode: code });
  });

  it.each([
    ['0', 'unknown'],
    ['1', 'male'],
    ['2', 'female'],
    ['9', 'unknown'],
  ] as const)('ISO 5218 %s → %s', (code, sex) => {
    expect(sexFromIso5218(code)).toBe(sex);
  });

  it.each(['3', '4', '', '11', 'M', 'toString', '__proto__'])('ISO 5218 %j is refused', (code) =>
    expect(() => sexFromIso5218(code)).toThrowError(malformed),
  );

  it.each(['0', '9', 'toString', '__proto__', 'constructor'])('certificate code %j is refused', (code) =>
    expect(() => sexFromJpkiCode(code)).toThrowError(malformed),
  );
});
