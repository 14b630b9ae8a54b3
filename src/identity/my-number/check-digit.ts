/**
 * The My Number check digit (12th digit; jpki-reference §3, 行政手続における特定の個人を識別する
 * ための番号の利用等に関する法律施行令 §8): weights 6,5,4,3,2,7,6,5,4,3,2 on digits 1–11 from the
 * left, r = sum mod 11, check = 0 if r ≤ 1 else 11 − r.
 * Nothing here ever puts digits into an error message: they are personal data.
 */

const WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The check digit of an 11-digit base. Caller bug (TypeError) if `base` is not 11 ASCII digits. */
export function myNumberCheckDigit(base: string): number {
  if (typeof base !== 'string' || !/^[0-9]{11}$/.test(base))
    throw new TypeError('myNumberCheckDigit: expected 11 ASCII digits');
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (base.charCodeAt(i) - 0x30) * WEIGHTS[i]!;
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** True when `digits` is 12 ASCII digits whose last one is the check digit of the first 11. */
export function hasValidCheckDigit(digits: string): boolean {
  if (typeof digits !== 'string' || !/^[0-9]{12}$/.test(digits)) return false;
  return myNumberCheckDigit(digits.slice(0, 11)) === digits.charCodeAt(11) - 0x30;
}
