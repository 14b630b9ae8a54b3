import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MyNumber, REDACTED_MY_NUMBER, verifiedMyNumber } from '../../../src/identity/my-number/my-number.js';

const DIGITS = '123456789018';

describe('MyNumber', () => {
  const n = verifiedMyNumber(DIGITS);

  it('reveals the digits only on purpose', () => {
    expect(n.reveal()).toBe(DIGITS);
    expect(n).toBeInstanceOf(MyNumber);
  });

  it('is redacted in every string, JSON, inspect and clone form', () => {
    const forms = [
      String(n),
      `${n}`,
      n + '',
      JSON.stringify(n),
      JSON.stringify({ n }),
      inspect(n),
      inspect({ deep: { n } }, { depth: 10, showHidden: true }),
      Object.prototype.toString.call(n),
      JSON.stringify(structuredClone({ n })),
      JSON.stringify(Object.entries(n)),
      Object.getOwnPropertyNames(n).join(','),
      Object.getOwnPropertySymbols(MyNumber).map(String).join(','),
    ];
    for (const f of forms) expect(f).not.toContain(DIGITS);
    expect(String(n)).toBe(REDACTED_MY_NUMBER);
    expect(JSON.stringify({ n })).toBe(`{"n":"${REDACTED_MY_NUMBER}"}`);
    expect(inspect(n)).toBe(REDACTED_MY_NUMBER);
  });

  it('cannot be constructed from outside the verifier', () => {
    const Ctor = MyNumber as unknown as new (t: unknown, d: string) => MyNumber;
    expect(() => new Ctor(Symbol('MyNumber'), DIGITS)).toThrow(TypeError);
    expect(() => new Ctor(undefined, DIGITS)).toThrow(TypeError);
  });

  it('compares by value and is frozen', () => {
    expect(n.equals(verifiedMyNumber(DIGITS))).toBe(true);
    expect(n.equals(verifiedMyNumber('123456789050'))).toBe(false);
    expect(Object.isFrozen(n)).toBe(true);
  });

  it('refuses to wrap an invalid number (programming error)', () => {
    expect(() => verifiedMyNumber('123456789019')).toThrow(TypeError);
    expect(() => verifiedMyNumber('12345')).toThrow(TypeError);
  });
});
