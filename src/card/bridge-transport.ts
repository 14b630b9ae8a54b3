/**
 * CardTransport over the reader bridge (bridge-protocol.ts): hello → list-readers → connect,
 * then one `transmit` per APDU. The channel (a localhost WebSocket, a native-messaging port of
 * a browser extension, or an in-memory pair in tests) only moves messages; this file matches
 * answers to requests, times out, and turns bridge errors into CardErrors. A message that is
 * not exactly a protocol message ends the connection (fail closed).
 */
import { toHex } from './bytes.js';
import { CardError, type CardErrorCode } from './card-error.js';
import {
  BRIDGE_PROTOCOL_VERSION,
  bridgeBytes,
  parseBridgeMessage,
  type BridgeErrorCode,
  type BridgeMessage,
  type BridgeReader,
  type BridgeRequest,
} from './bridge-protocol.js';
import type { CardTransport } from './transport.js';

export interface BridgeChannel {
  send(message: BridgeRequest): void;
  /** The one receiver of every message from the bridge (untrusted, not yet parsed). */
  onMessage(receive: (message: unknown) => void): void;
  onClose(closed: () => void): void;
  close(): void;
}

export interface BridgeConnectOptions {
  /** A reader name, or a choice among the readers; default: the first with a card. */
  readonly reader?: string | ((readers: readonly BridgeReader[]) => string | undefined);
  /** Per-request timeout (default 30 s). */
  readonly timeoutMs?: number;
  /** Sent in hello, for the bridge's consent prompt and logs. */
  readonly client?: string;
}

export interface BridgeConnection extends CardTransport {
  readonly bridge: string;
  readonly reader: string;
  readonly atr: Uint8Array;
  /** Sends `disconnect` (the card is reset: its security state is gone), then closes the channel. */
  close(): Promise<void>;
}

type Request = BridgeRequest extends infer R ? (R extends { id: number } ? Omit<R, 'v' | 'id'> : never) : never;
type Answer<T extends BridgeMessage['type']> = Extract<BridgeMessage, { type: T }>;

const ERROR_CODES: Record<BridgeErrorCode, CardErrorCode> = {
  BAD_REQUEST: 'CARD_TRANSPORT',
  UNSUPPORTED_VERSION: 'CARD_BRIDGE_UNAVAILABLE',
  ORIGIN_NOT_ALLOWED: 'CARD_BRIDGE_UNAVAILABLE',
  NO_READER: 'CARD_READER_NOT_FOUND',
  NO_CARD: 'CARD_NOT_PRESENT',
  CARD_REMOVED: 'CARD_NOT_PRESENT',
  NOT_CONNECTED: 'CARD_TRANSPORT',
  COMMAND_NOT_ALLOWED: 'CARD_TRANSPORT',
  BUSY: 'CARD_BRIDGE_UNAVAILABLE',
  READER_ERROR: 'CARD_TRANSPORT',
};

export async function connectBridge(
  channel: BridgeChannel,
  opts: BridgeConnectOptions = {},
): Promise<BridgeConnection> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  let nextId = 1;
  let reader: string | undefined;
  let ended: CardError | undefined;
  const pending = new Map<number, { resolve: (m: BridgeMessage) => void; reject: (e: CardError) => void }>();
  const end = (e: CardError): void => {
    ended ??= e;
    for (const p of pending.values()) p.reject(ended);
    pending.clear();
  };
  channel.onClose(() => end(new CardError('CARD_TRANSPORT', { detail: 'bridge connection closed' })));
  channel.onMessage((raw) => {
    const m = parseBridgeMessage(raw);
    if (m === undefined || (m.type !== 'card-removed' && !pending.has(m.id))) {
      end(new CardError('CARD_TRANSPORT', { detail: 'bridge sent a message outside the protocol' }));
      channel.close();
      return;
    }
    if (m.type === 'card-removed') {
      if (m.reader === reader) end(new CardError('CARD_NOT_PRESENT', { detail: 'card removed' }));
      return;
    }
    const p = pending.get(m.id)!;
    pending.delete(m.id);
    p.resolve(m);
  });

  const request = <T extends BridgeMessage['type']>(req: Request, expect: T): Promise<Answer<T>> => {
    if (ended) return Promise.reject(ended);
    const id = nextId++;
    return new Promise<Answer<T>>((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new CardError('CARD_TIMEOUT', { detail: `bridge did not answer ${req.type}` }));
      }, timeoutMs);
      pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          if (m.type === 'error') reject(new CardError(ERROR_CODES[m.code], { detail: `bridge: ${m.code}` }));
          else if (m.type !== expect) reject(new CardError('CARD_TRANSPORT', { detail: `bridge answered ${m.type}` }));
          else resolve(m as Answer<T>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      try {
        channel.send({ v: BRIDGE_PROTOCOL_VERSION, id, ...req } as BridgeRequest);
      } catch {
        pending.get(id)?.reject(new CardError('CARD_TRANSPORT', { detail: 'cannot send to the bridge' }));
        pending.delete(id);
      }
    });
  };

  try {
    const hello = await request({ type: 'hello', client: opts.client ?? 'jpki-gateway-card/1' }, 'hello');
    if (!hello.versions.includes(BRIDGE_PROTOCOL_VERSION))
      throw new CardError('CARD_BRIDGE_UNAVAILABLE', { detail: 'bridge does not speak protocol version 1' });
    const { readers } = await request({ type: 'list-readers' }, 'readers');
    if (readers.length === 0) throw new CardError('CARD_READER_NOT_FOUND');
    reader =
      typeof opts.reader === 'function'
        ? opts.reader(readers)
        : (opts.reader ?? readers.find((r) => r.cardPresent)?.name);
    if (reader === undefined) throw new CardError('CARD_NOT_PRESENT');
    if (!readers.some((r) => r.name === reader)) throw new CardError('CARD_READER_NOT_FOUND');
    const connected = await request({ type: 'connect', reader }, 'connected');
    const name = reader;
    return {
      bridge: hello.bridge,
      reader: name,
      atr: bridgeBytes(connected.atr),
      async transmit(command) {
        const r = await request({ type: 'transmit', apdu: toHex(command).toUpperCase() }, 'response');
        return bridgeBytes(r.rapdu);
      },
      async close() {
        try {
          if (!ended) await request({ type: 'disconnect' }, 'disconnected');
        } finally {
          end(new CardError('CARD_TRANSPORT', { detail: 'bridge connection closed' }));
          channel.close();
        }
      },
    };
  } catch (e) {
    channel.close();
    throw e;
  }
}
