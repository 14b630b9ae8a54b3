/**
 * Command and response APDUs (ISO/IEC 7816-4 §5.1), short form only: every JPKI command fits
 * (the longest data field is a SHA-512 DigestInfo, 83 bytes; the longest response an RSA-2048
 * signature, 256 bytes = Le 00), so extended length is neither sent nor accepted.
 */
import { CardError } from './card-error.js';

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  /** Command data (Lc = its length, 1–255); absent = no Lc field. */
  readonly data?: Uint8Array;
  /** Expected response length 1–256 (256 is encoded 00); absent = no Le field. */
  readonly le?: number;
}

export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw: number;
}

export const MAX_SHORT_LC = 255;
export const MAX_SHORT_LE = 256;

const isByte = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 0xff;

/** Encodes a short APDU (cases 1–4). Out-of-range fields are caller bugs: TypeError. */
export function encodeCommand(c: CommandApdu): Uint8Array {
  if (![c.cla, c.ins, c.p1, c.p2].every(isByte)) throw new TypeError('CLA, INS, P1, P2 must be bytes');
  const data = c.data;
  if (data !== undefined && (data.length < 1 || data.length > MAX_SHORT_LC))
    throw new TypeError(`command data must be 1–${MAX_SHORT_LC} bytes (short APDU)`);
  if (c.le !== undefined && (!Number.isInteger(c.le) || c.le < 1 || c.le > MAX_SHORT_LE))
    throw new TypeError(`Le must be 1–${MAX_SHORT_LE} (short APDU)`);
  const out: number[] = [c.cla, c.ins, c.p1, c.p2];
  if (data !== undefined) out.push(data.length, ...data);
  if (c.le !== undefined) out.push(c.le & 0xff);
  return Uint8Array.from(out);
}

/** Splits a response APDU into data and SW1SW2; fewer than two bytes is a transport failure. */
export function decodeResponse(bytes: Uint8Array): ResponseApdu {
  if (!(bytes instanceof Uint8Array)) throw new CardError('CARD_TRANSPORT', { detail: 'response is not bytes' });
  if (bytes.length < 2) throw new CardError('CARD_TRANSPORT', { detail: 'response shorter than a status word' });
  const n = bytes.length;
  return { data: bytes.slice(0, n - 2), sw: (bytes[n - 2]! << 8) | bytes[n - 1]! };
}

/** The card side: a response APDU from data and a status word. */
export function encodeResponse(sw: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = sw >> 8;
  out[data.length + 1] = sw & 0xff;
  return out;
}

export type ParsedCommand = { readonly ok: true; readonly command: CommandApdu } | { readonly ok: false };

/**
 * The card side: reads a short APDU (ISO/IEC 7816-3 §12.1.3 cases 1–4). Anything that is not
 * exactly one of the four short cases — including an extended APDU (Lc byte 00 followed by more
 * bytes) — is not ok; the card answers 6700.
 */
export function parseCommand(bytes: Uint8Array): ParsedCommand {
  if (bytes.length < 4) return { ok: false };
  const head = { cla: bytes[0]!, ins: bytes[1]!, p1: bytes[2]!, p2: bytes[3]! };
  if (bytes.length === 4) return { ok: true, command: head };
  const p3 = bytes[4]!;
  if (bytes.length === 5) return { ok: true, command: { ...head, le: p3 === 0 ? 256 : p3 } };
  if (p3 === 0) return { ok: false }; // extended length: not supported
  const data = bytes.slice(5, 5 + p3);
  if (bytes.length === 5 + p3) return { ok: true, command: { ...head, data } };
  if (bytes.length === 6 + p3) {
    const le = bytes[5 + p3]!;
    return { ok: true, command: { ...head, data, le: le === 0 ? 256 : le } };
  }
  return { ok: false };
}
