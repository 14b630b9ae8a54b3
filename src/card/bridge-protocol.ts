/**
 * The reader-bridge protocol, version 1 (docs/card-transport.md): JSON messages between a page
 * and a local program that owns the PC/SC reader, carried by a localhost WebSocket (one text
 * frame per message) or by browser native messaging (one framed message each). Requests carry
 * an id the answer repeats; `card-removed` is the one unsolicited event. Everything from the
 * other side is untrusted until a parse function here returns a typed message.
 */
import { fromHex } from './bytes.js';
import { parseCommand } from './apdu.js';

export const BRIDGE_PROTOCOL_VERSION = 1;
/** Longest hex string either side accepts: a short command APDU is ≤ 261 bytes, a response ≤ 258. */
export const MAX_APDU_HEX = 2 * 261;
/** Longest serialised message either side accepts. */
export const MAX_BRIDGE_MESSAGE_CHARS = 16_384;
const MAX_NAME = 200;
const MAX_READERS = 32;

export type BridgeRequest =
  | { readonly v: 1; readonly id: number; readonly type: 'hello'; readonly client: string }
  | { readonly v: 1; readonly id: number; readonly type: 'list-readers' }
  | { readonly v: 1; readonly id: number; readonly type: 'connect'; readonly reader: string }
  | { readonly v: 1; readonly id: number; readonly type: 'transmit'; readonly apdu: string }
  | { readonly v: 1; readonly id: number; readonly type: 'disconnect' };

export const BRIDGE_ERROR_CODES = [
  'BAD_REQUEST',
  'UNSUPPORTED_VERSION',
  'ORIGIN_NOT_ALLOWED',
  'NO_READER',
  'NO_CARD',
  'CARD_REMOVED',
  'NOT_CONNECTED',
  'COMMAND_NOT_ALLOWED',
  'BUSY',
  'READER_ERROR',
] as const;
export type BridgeErrorCode = (typeof BRIDGE_ERROR_CODES)[number];

export interface BridgeReader {
  readonly name: string;
  readonly cardPresent: boolean;
}

export type BridgeMessage =
  | { readonly v: 1; readonly id: number; readonly type: 'hello'; readonly bridge: string; readonly versions: number[] }
  | { readonly v: 1; readonly id: number; readonly type: 'readers'; readonly readers: BridgeReader[] }
  | { readonly v: 1; readonly id: number; readonly type: 'connected'; readonly atr: string }
  | { readonly v: 1; readonly id: number; readonly type: 'response'; readonly rapdu: string }
  | { readonly v: 1; readonly id: number; readonly type: 'disconnected' }
  | {
      readonly v: 1;
      readonly id: number;
      readonly type: 'error';
      readonly code: BridgeErrorCode;
      readonly message: string;
    }
  | { readonly v: 1; readonly type: 'card-removed'; readonly reader: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_NAME;
const isHex = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length % 2 === 0 && v.length >= min && v.length <= max && /^[0-9A-Fa-f]*$/.test(v);

/** A message from the bridge, or undefined when it is not exactly one of BridgeMessage. */
export function parseBridgeMessage(m: unknown): BridgeMessage | undefined {
  if (!isObj(m) || m.v !== BRIDGE_PROTOCOL_VERSION) return undefined;
  if (m.type === 'card-removed') return isName(m.reader) ? { v: 1, type: m.type, reader: m.reader } : undefined;
  if (!isId(m.id)) return undefined;
  const base = { v: 1, id: m.id } as const;
  switch (m.type) {
    case 'hello':
      if (!isName(m.bridge) || !Array.isArray(m.versions) || !m.versions.every(Number.isSafeInteger)) return undefined;
      return { ...base, type: m.type, bridge: m.bridge, versions: m.versions as number[] };
    case 'readers': {
      if (!Array.isArray(m.readers) || m.readers.length > MAX_READERS) return undefined;
      const readers = m.readers.filter(
        (r): r is Obj => isObj(r) && isName(r.name) && typeof r.cardPresent === 'boolean',
      );
      if (readers.length !== m.readers.length) return undefined;
      return {
        ...base,
        type: m.type,
        readers: readers.map((r) => ({ name: r.name as string, cardPresent: r.cardPresent as boolean })),
      };
    }
    case 'connected':
      return isHex(m.atr, 2, 66) ? { ...base, type: m.type, atr: m.atr } : undefined;
    case 'response':
      return isHex(m.rapdu, 4, 2 * 258) ? { ...base, type: m.type, rapdu: m.rapdu } : undefined;
    case 'disconnected':
      return { ...base, type: m.type };
    case 'error':
      if (!(BRIDGE_ERROR_CODES as readonly unknown[]).includes(m.code) || typeof m.message !== 'string')
        return undefined;
      return { ...base, type: m.type, code: m.code as BridgeErrorCode, message: m.message.slice(0, MAX_NAME) };
    default:
      return undefined;
  }
}

/** A request from a page (the bridge's side), or undefined when it is not exactly one of BridgeRequest. */
export function parseBridgeRequest(m: unknown): BridgeRequest | undefined {
  if (!isObj(m) || m.v !== BRIDGE_PROTOCOL_VERSION || !isId(m.id)) return undefined;
  const base = { v: 1, id: m.id } as const;
  switch (m.type) {
    case 'hello':
      return isName(m.client) ? { ...base, type: m.type, client: m.client } : undefined;
    case 'list-readers':
    case 'disconnect':
      return { ...base, type: m.type };
    case 'connect':
      return isName(m.reader) ? { ...base, type: m.type, reader: m.reader } : undefined;
    case 'transmit':
      return isHex(m.apdu, 8, MAX_APDU_HEX) ? { ...base, type: m.type, apdu: m.apdu } : undefined;
    default:
      return undefined;
  }
}

/**
 * The bridge forwards only the commands of jpki-reference §4, so a web page can never use the
 * card for anything else (CHANGE REFERENCE DATA, RESET RETRY COUNTER, writes, other
 * applications' proprietary commands): SELECT by AID or FID without FCI, VERIFY, READ BINARY
 * with an offset, COMPUTE DIGITAL SIGNATURE / internal authentication — each in the one APDU case
 * (data, Le) it is used with. Well-formed short APDUs only.
 */
export function isAllowedJpkiCommand(apdu: Uint8Array): boolean {
  const parsed = parseCommand(apdu);
  if (!parsed.ok) return false;
  const { cla, ins, p1, p2, data, le } = parsed.command;
  const hasData = data !== undefined;
  const hasLe = le !== undefined;
  if (cla === 0x00 && ins === 0xa4) return (p1 === 0x04 || p1 === 0x02) && p2 === 0x0c && hasData && !hasLe;
  if (cla === 0x00 && ins === 0x20) return p1 === 0x00 && p2 === 0x80 && !hasLe;
  if (cla === 0x00 && ins === 0xb0) return p1 < 0x80 && !hasData && hasLe;
  if (cla === 0x80 && ins === 0x2a) return p1 === 0x00 && (p2 === 0x00 || p2 === 0x80) && hasData && hasLe;
  return false;
}

/** Hex → bytes for an already validated field. */
export const bridgeBytes = (hexField: string): Uint8Array => fromHex(hexField);
