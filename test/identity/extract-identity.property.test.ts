import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIdentity } from '../../src/identity/extract-identity.js';
import { normalizeForComparison } from '../../src/identity/normalize.js';
import { signingCertWith } from './fixtures.js';

// What extraction refuses in a name or address (text-checks.ts): controls, bidi controls, BOM.
const FORBIDDEN = /[\p{Cc}\p{Bidi_Control}\uFEFF]/u;

const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }).filter((s) => !FORBIDDEN.test(s));

/** A value with a random substitute flag per code point. */
const flagged = text.chain((value) =>
  fc.array(fc.boolean(), { minLength: [...value].length, maxLength: [...value].length }).map((bits) => ({
    value,
    flags: bits.map((b) => (b ? '1' : '0')).join(''),
    positions: bits.flatMap((b, i) => (b ? [i] : [])),
  })),
);

describe('extractIdentity round trip (property)', () => {
  it('any Unicode name and address survive the sandbox SAN and come back with their flags', () => {
    fc.assert(
      fc.property(
        flagged,
        flagged,
        fc.constantFrom('male', 'female', 'unknown') as fc.Arbitrary<'male' | 'female' | 'unknown'>,
        (name, address, sex) => {
          const cert = signingCertWith({
            name: name.value,
            nameSubstituteFlags: name.flags,
            address: address.value,
            addressSubstituteFlags: address.flags,
            sex,
          });
          const { identity } = extractIdentity(cert);
          expect(identity.name).toBe(name.value);
          expect(identity.nameSubstitutePositions).toEqual(name.positions);
          expect(identity.nameNormalized).toBe(normalizeForComparison(name.value));
          expect(identity.address).toBe(address.value);
          expect(identity.addressSubstituteFlags).toBe(address.flags);
          expect(identity.addressSubstitutePositions).toEqual(address.positions);
          expect(identity.sex).toBe(sex);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a name with a control or bidi character is always refused', () => {
    const bad = fc
      .tuple(text, fc.constantFrom('\u0000', '\n', '\u007F', '\u0085', '\u202E', '\u2066', '\uFEFF'), text)
      .map(([a, c, b]) => a + c + b);
    fc.assert(
      fc.property(bad, (name) => {
        const cert = signingCertWith({ name });
        expect(() => extractIdentity(cert)).toThrowError(expect.objectContaining({ code: 'ERR_IDENTITY_MALFORMED' }));
      }),
      { numRuns: 50 },
    );
  });

  it('any valid full date comes back as YYYY-MM-DD with the sandbox era and no warning', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2049-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const birthDate = d.toISOString().slice(0, 10);
          const { identity, warnings } = extractIdentity(signingCertWith({ birthDate }));
          expect(identity.birthDate).toBe(birthDate);
          expect(warnings).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
