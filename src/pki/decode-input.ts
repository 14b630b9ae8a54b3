/**
 * Accepts DER, PEM or bare base64 (the CLI and HTTP take all three) and returns DER bytes.
 * Detection is by content, not file name; anything else is ERR_INPUT_ENCODING.
 */
import { GatewayError } from '../errors.js';

export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const B64_RE = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/** All DER blocks in the input (a PEM file may hold a bundle). */
export function decodeInputAll(input: Uint8Array, maxBytes = MAX_INPUT_BYTES): Uint8Array[] {
  if (input.length > maxBytes) throw new GatewayError('ERR_INPUT_TOO_LARGE', `${input.length} bytes`);
  if (input.length === 0) throw new GatewayError('ERR_INPUT_ENCODING', 'empty input');
  // DER always starts with a constructed SEQUENCE for everything we read.
  if (input[0] === 0x30) return [input];
  const text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  if (text.includes('-----BEGIN')) {
    const out: Uint8Array[] = [];
    for (const m of text.matchAll(PEM_RE)) out.push(base64Strict(m[2] ?? ''));
    if (out.length === 0) throw new GatewayError('ERR_INPUT_ENCODING', 'unterminated PEM block');
    return out;
  }
  return [base64Strict(text)];
}

export function decodeInput(input: Uint8Array, maxBytes = MAX_INPUT_BYTES): Uint8Array {
  const all = decodeInputAll(input, maxBytes);
  if (all.length !== 1) throw new GatewayError('ERR_INPUT_ENCODING', `expected one object, found ${all.length}`);
  return all[0]!;
}

function base64Strict(s: string): Uint8Array {
  const compact = s.replace(/\s+/g, '');
  if (!compact || !B64_RE.test(compact) || compact.length % 4 === 1) {
    throw new GatewayError('ERR_INPUT_ENCODING', 'not base64');
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length === 0) throw new GatewayError('ERR_INPUT_ENCODING', 'empty base64');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
