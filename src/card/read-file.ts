/**
 * READ BINARY of a whole transparent EF (jpki-reference §4: `00 B0 <offset> <Le>`). The size of
 * a file is not on the card's answer to SELECT (P2 = 0C: no FCI), so a file is read by its own
 * BER-TLV header (certificates are DER, text-AP files BER-TLV): read 8 bytes, decode tag and
 * length, refuse anything above the cap, then read the rest in chunks.
 */
import { CardError } from './card-error.js';
import { concatBytes } from './bytes.js';
import { expectOk, type Exchange } from './exchange.js';
import { SW } from './status-words.js';

/** ISO/IEC 7816-4 §11.2.3: with P1 b8 = 0 the offset is 15 bits. */
export const MAX_OFFSET = 0x7fff;
const HEADER_PROBE = 8;

/** Reads `length` bytes at `offset`; END_OF_FILE (6282) means the file is shorter: malformed here. */
async function readChunk(exchange: Exchange, offset: number, length: number): Promise<Uint8Array> {
  const r = await exchange({ cla: 0x00, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le: length });
  if (r.sw === SW.END_OF_FILE)
    throw new CardError('CARD_DATA_MALFORMED', { sw: r.sw, detail: 'file ends before its announced length' });
  const data = expectOk(r);
  if (data.length !== length)
    throw new CardError('CARD_DATA_MALFORMED', { detail: `asked ${length} bytes, card answered ${data.length}` });
  return data;
}

/** Reads exactly `length` bytes from offset 0 of the current EF, `chunk` bytes per command. */
export async function readFixed(exchange: Exchange, length: number, chunk: number): Promise<Uint8Array> {
  if (length > MAX_OFFSET + 1) throw new CardError('CARD_DATA_MALFORMED', { detail: 'file too large to address' });
  const parts: Uint8Array[] = [];
  for (let at = 0; at < length; at += chunk) parts.push(await readChunk(exchange, at, Math.min(chunk, length - at)));
  return concatBytes(...parts);
}

/** Tag and length of a BER-TLV at the start of `b`: the total length of the element. */
export function tlvTotalLength(b: Uint8Array): number | undefined {
  let i = 1;
  if ((b[0]! & 0x1f) === 0x1f) {
    while (i < b.length && b[i]! & 0x80) i++;
    i++; // last tag byte
  }
  if (i >= b.length || i > 3) return undefined;
  const first = b[i]!;
  if (first < 0x80) return i + 1 + first;
  const n = first & 0x7f;
  if (n < 1 || n > 3 || i + 1 + n > b.length) return undefined; // indefinite or absurd lengths
  let length = 0;
  for (let k = 0; k < n; k++) length = length * 256 + b[i + 1 + k]!;
  return i + 1 + n + length;
}

/**
 * Reads the current EF as one BER-TLV element (a DER certificate, a text-AP file), exactly as
 * long as its header says; `expectedTag` is the first tag byte(s) it must start with.
 */
export async function readTlvFile(
  exchange: Exchange,
  opts: { readonly maxBytes: number; readonly chunk: number; readonly expectedTag: readonly number[] },
): Promise<Uint8Array> {
  const head = await readChunk(exchange, 0, HEADER_PROBE);
  if (!opts.expectedTag.every((t, i) => head[i] === t))
    throw new CardError('CARD_DATA_MALFORMED', { detail: 'file does not start with the expected tag' });
  const total = tlvTotalLength(head);
  if (total === undefined || total < HEADER_PROBE)
    throw new CardError('CARD_DATA_MALFORMED', { detail: 'file header is not a usable BER-TLV' });
  if (total > opts.maxBytes)
    throw new CardError('CARD_DATA_MALFORMED', {
      detail: `file announces ${total} bytes, over the ${opts.maxBytes} cap`,
    });
  const parts = [head];
  for (let at = HEADER_PROBE; at < total; at += opts.chunk)
    parts.push(await readChunk(exchange, at, Math.min(opts.chunk, total - at)));
  return concatBytes(...parts);
}
