/**
 * One-rule checks on the name and address attributes and their substitute-character flags
 * (jpki-reference §2). Private to src/identity/. Details name the field, never the value.
 */
import { GatewayError } from '../errors.js';

type TextField = 'name' | 'address';

// Controls, bidi overrides/isolates and U+FEFF cannot come from the register's character set
// (JIS X 0208/0212 plus substitutes) and would let a value reorder or hide text in a UI.
const FORBIDDEN = /[\p{Cc}\p{Bidi_Control}\uFEFF]/u;

/** jpki-reference §2: the name and the address are required, so an empty value is none. */
export function checkNotEmpty(value: string, field: TextField): void {
  if (value.length === 0) throw new GatewayError('ERR_IDENTITY_MALFORMED', `${field} is empty`);
}

/** jpki-reference §2: values are drawn from JIS X 0208/0212 (+ substitutes): no controls. */
export function checkPrintable(value: string, field: TextField): void {
  if (FORBIDDEN.test(value)) {
    throw new GatewayError('ERR_IDENTITY_MALFORMED', `${field} contains a control or bidi character`);
  }
}

/** jpki-reference §2: the flags are ASCII '0'/'1' only. */
export function checkFlagAlphabet(flags: string, field: TextField): void {
  if (!/^[01]*$/.test(flags)) {
    throw new GatewayError('ERR_IDENTITY_MALFORMED', `${field} substitute flags are not all '0'/'1'`);
  }
}

/**
 * jpki-reference §2: one flag per character. A character is a Unicode code point: a 外字
 * outside the BMP (𠮷, U+20BB7, a UTF-16 surrogate pair) is one character with one flag.
 * Counting UTF-16 units would shift every later flag; counting graphemes would make the
 * count depend on the Unicode version. Combining sequences do not occur in the register's
 * character set, so code points and characters coincide for real certificates.
 */
export function checkFlagCount(flags: string, value: string, field: TextField): void {
  if (flags.length !== codePointCount(value)) {
    throw new GatewayError('ERR_IDENTITY_MALFORMED', `${field} substitute flags do not match its length`);
  }
}

/** 0-based code point indices of the characters flagged '1'. */
export function flaggedPositions(flags: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags.charCodeAt(i) === 0x31) out.push(i);
  return out;
}

function codePointCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
