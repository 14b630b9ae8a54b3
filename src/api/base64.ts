/**
 * Strict base64 for large request fields whose schema has no pattern (LargeBase64): decode,
 * re-encode and compare — two native passes, which rejects anything outside the standard
 * alphabet, missing padding and non-canonical trailing bits, at a fraction of the cost of a
 * regular expression over a megabyte in the validator.
 */
import { ApiError } from './http-errors.js';

export function decodeBase64Strict(text: string, field: string): Uint8Array {
  const buf = Buffer.from(text, 'base64');
  if (buf.toString('base64') !== text) {
    throw new ApiError('ERR_VALIDATION', `${field} must be standard base64 (RFC 4648 §4) with padding`);
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
