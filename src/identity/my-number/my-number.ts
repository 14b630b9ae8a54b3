/**
 * `MyNumber`: an individual number (個人番号) that came out of a verified card text application.
 * Only the card-data verifier creates one (the constructor demands a module-private token,
 * and `verifiedMyNumber` is not exported from the package root), so holding a `MyNumber`
 * means "proven by a J-LIS signature and the card's presence".
 *
 * Redacted everywhere by default (番号法 safe-handling guideline: never log a My Number):
 * String(), template literals, JSON.stringify, util.inspect / console.log and structuredClone
 * all show `[MyNumber redacted]` or nothing; the digits live in a private field and come out
 * only through an explicit `.reveal()`.
 */
import { inspect } from 'node:util';
import { hasValidCheckDigit } from './check-digit.js';

export const REDACTED_MY_NUMBER = '[MyNumber redacted]';

const TOKEN: unique symbol = Symbol('MyNumber');
// Set by the class's static block: the only way to construct, reachable only in this module
// (no static member a caller could enumerate with Object.getOwnPropertySymbols).
let construct: ((digits: string) => MyNumber) | undefined;

export class MyNumber {
  readonly #digits: string;

  /** Not callable from outside: use the verifier (`verifyCardData`). */
  private constructor(token: typeof TOKEN, digits: string) {
    if (token !== TOKEN) throw new TypeError('MyNumber is created only by the card-data verifier');
    this.#digits = digits;
    Object.freeze(this);
  }

  static {
    construct = (digits) => new MyNumber(TOKEN, digits);
  }

  /** The 12 ASCII digits. Every call site is a deliberate disclosure: keep them few and audited. */
  reveal(): string {
    return this.#digits;
  }

  /** Constant-shape comparison with another verified number (e.g. the one stored for a customer). */
  equals(other: MyNumber): boolean {
    return other instanceof MyNumber && other.#digits === this.#digits;
  }

  toString(): string {
    return REDACTED_MY_NUMBER;
  }

  toJSON(): string {
    return REDACTED_MY_NUMBER;
  }

  [Symbol.toPrimitive](): string {
    return REDACTED_MY_NUMBER;
  }

  [inspect.custom](): string {
    return REDACTED_MY_NUMBER;
  }

  get [Symbol.toStringTag](): string {
    return 'MyNumber';
  }
}

/**
 * @internal For the card-data verifier: wraps digits that passed every text-AP check.
 * Throws TypeError (a programming error) if the digits are not a valid My Number.
 */
export function verifiedMyNumber(digits: string): MyNumber {
  if (!hasValidCheckDigit(digits)) throw new TypeError('verifiedMyNumber: not a valid My Number');
  return construct!(digits);
}
