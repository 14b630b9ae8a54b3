/**
 * PIN and password formats (jpki-reference §1, §3), checked before anything is sent so a typo
 * never costs a try on the card. The value itself never appears in an error.
 */
import { CardError, type PinKind } from './card-error.js';

const FORMATS: Record<PinKind, RegExp> = {
  // jpki-reference §1: signing password 6–16 characters A–Z 0–9
  signing: /^[A-Z0-9]{6,16}$/,
  // jpki-reference §1: user-authentication PIN 4 digits
  auth: /^[0-9]{4}$/,
  // jpki-reference §3: text-AP PIN 4 digits
  textAp: /^[0-9]{4}$/,
};

const DESCRIPTIONS: Record<PinKind, string> = {
  signing: 'signing password: 6–16 characters A–Z and 0–9',
  auth: 'authentication PIN: 4 digits',
  textAp: 'text-AP PIN: 4 digits',
};

export function isValidPin(kind: PinKind, value: string): boolean {
  return typeof value === 'string' && FORMATS[kind].test(value);
}

/** The ASCII bytes VERIFY carries; CARD_PIN_FORMAT when the value cannot be a PIN of this kind. */
export function encodePin(kind: PinKind, value: string): Uint8Array {
  if (!isValidPin(kind, value)) throw new CardError('CARD_PIN_FORMAT', { pin: kind, detail: DESCRIPTIONS[kind] });
  return Uint8Array.from(value, (c) => c.charCodeAt(0));
}

/**
 * For UIs: upper-cases typed letters (the password holds only A–Z and 0–9, jpki-reference §1),
 * so a phone keyboard's lower case does not cost a try. verifyPin itself never transforms.
 */
export function normalizeSigningPassword(typed: string): string {
  return typed.toUpperCase();
}
