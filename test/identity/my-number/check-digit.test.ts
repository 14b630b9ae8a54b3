import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasValidCheckDigit, myNumberCheckDigit } from '../../../src/identity/my-number/check-digit.js';

describe('My Number check digit (jpki-reference §3)', () => {
  it('worked example: 12345678901 → sum 212, r = 3, check 8', () => {
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(hasValidCheckDigit('123456789018')).toBe(true);
  });

  it('r ≤ 1 gives check 0: bases 12345678905 and 12345678900', () => {
    expect(myNumberCheckDigit('12345678905')).toBe(0);
    expect(myNumberCheckDigit('12345678900')).toBe(0);
    expect(hasValidCheckDigit('123456789050')).toBe(true);
    expect(hasValidCheckDigit('123456789000')).toBe(true);
  });

  it('refuses every other last digit, wrong lengths and non-digits', () => {
    for (let d = 0; d <= 9; d++) if (d !== 8) expect(hasValidCheckDigit(`12345678901${d}`)).toBe(false);
    for (const bad of ['', '12345678901', '1234567890188', '12345678901８', '1234567890a8', ' 123456789018']) {
      expect(hasValidCheckDigit(bad)).toBe(false);
    }
  });

  it('is a caller bug to ask for the check digit of anything but 11 digits', () => {
    expect(() => myNumberCheckDigit('1234567890')).toThrow(TypeError);
    expect(() => myNumberCheckDigit('１２３４５６７８９０１')).toThrow(TypeError);
  });

  it('detects every single-digit substitution (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), fc.nat(11), fc.nat(8), (base, pos, delta) => {
        const valid = base + String(myNumberCheckDigit(base));
        const changed = valid.slice(0, pos) + String((Number(valid[pos]) + 1 + delta) % 10) + valid.slice(pos + 1);
        // weights and digit differences are below 11 (a prime), so a change always moves the
        // sum mod 11 — the only blind spot is r moving within {0, 1}, both giving check 0
        const r = (s: string): number =>
          [...s.slice(0, 11)].reduce((a, c, i) => a + Number(c) * [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2][i]!, 0) % 11;
        fc.pre(!(r(valid) <= 1 && r(changed) <= 1));
        expect(hasValidCheckDigit(changed)).toBe(false);
      }),
    );
  });
});
