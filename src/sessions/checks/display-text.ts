import { GatewayError } from '../../errors.js';

/**
 * Text a user reads before signing (purpose, names, references) must say what it shows: no
 * control or line-break characters (they would forge statement lines), no bidi overrides or
 * isolates (Trojan Source, CVE-2021-42574), no unassigned code points or lone surrogates.
 */
const FORBIDDEN = /[\p{Cc}\p{Cn}\p{Cs}\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export function checkDisplayText(value: unknown, field: string, maxChars: number, required = true): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string') throw new GatewayError('ERR_SESSION_INPUT', `${field} must be a string`);
  const chars = [...value].length;
  if (chars === 0 || chars > maxChars || value.trim() !== value)
    throw new GatewayError('ERR_SESSION_INPUT', `${field} must be 1–${maxChars} characters without surrounding spaces`);
  if (FORBIDDEN.test(value))
    throw new GatewayError('ERR_SESSION_INPUT', `${field} contains control, bidi or unassigned characters`);
  return value.normalize('NFC');
}
