import { GatewayError } from '../../errors.js';

// RFC 4648 §4: canonical base64 (padding required, no whitespace), size-bounded before decoding.
// Returns a plain Uint8Array, not a Buffer: Buffer#slice is a view, and code written for
// Uint8Array#slice (a copy) would write into the caller's bytes.
export function decodeBase64Field(value: unknown, field: string, minBytes: number, maxBytes: number): Uint8Array {
  if (
    typeof value !== 'string' ||
    value.length > Math.ceil(maxBytes / 3) * 4 ||
    value.length % 4 !== 0 ||
    !/^[A-Za-z0-9+/]*={0,2}$/.test(value)
  )
    throw new GatewayError('ERR_SESSION_INPUT', `${field} must be base64 of at most ${maxBytes} bytes`);
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length < minBytes || bytes.length > maxBytes)
    throw new GatewayError('ERR_SESSION_INPUT', `${field} must be ${minBytes}–${maxBytes} bytes`);
  return new Uint8Array(bytes);
}
