/**
 * The reader bridge's WebSocket carrier, for the browser: a BridgeChannel over
 * `new WebSocket('ws://127.0.0.1:<port>/jpki-bridge/v1')`, one JSON text frame per message.
 * Loopback only: APDUs (the password among them) never travel to another host, and a
 * cleartext ws:// to anything but this machine is refused before connecting.
 */
import { CardError } from './card-error.js';
import { MAX_BRIDGE_MESSAGE_CHARS, type BridgeRequest } from './bridge-protocol.js';
import type { BridgeChannel } from './bridge-transport.js';

/** The part of the WHATWG WebSocket this adapter uses (a browser's, or a test double). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export const DEFAULT_BRIDGE_URL = 'ws://127.0.0.1:54321/jpki-bridge/v1';
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

export function isLoopbackBridgeUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'ws:' && LOOPBACK.has(u.hostname) && u.username === '' && u.password === '';
}

const browserWebSocket: WebSocketFactory = (url) => {
  const Ctor = (globalThis as { WebSocket?: new (url: string) => WebSocketLike }).WebSocket;
  if (!Ctor) throw new CardError('CARD_BRIDGE_UNAVAILABLE', { detail: 'no WebSocket in this environment' });
  return new Ctor(url);
};

/** Opens the socket and resolves once it is open; CARD_BRIDGE_UNAVAILABLE when nothing listens. */
export function openWebSocketChannel(
  url: string = DEFAULT_BRIDGE_URL,
  opts: { readonly createWebSocket?: WebSocketFactory; readonly timeoutMs?: number } = {},
): Promise<BridgeChannel> {
  if (!isLoopbackBridgeUrl(url)) throw new TypeError('the reader bridge URL must be ws:// on a loopback address');
  const ws = (opts.createWebSocket ?? browserWebSocket)(url);
  let receive: (m: unknown) => void = () => undefined;
  const closers: (() => void)[] = [];
  let closed = false;
  const onClosed = (): void => {
    if (closed) return;
    closed = true;
    for (const c of closers) c();
  };
  ws.addEventListener('message', (event) => {
    // Text frames only, bounded before parsing; anything else reaches the transport as a non-message.
    if (typeof event.data !== 'string' || event.data.length > MAX_BRIDGE_MESSAGE_CHARS) return receive(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(event.data);
    } catch {
      parsed = undefined;
    }
    receive(parsed);
  });
  ws.addEventListener('close', onClosed);
  const channel: BridgeChannel = {
    send: (message: BridgeRequest) => ws.send(JSON.stringify(message)),
    onMessage: (r) => void (receive = r),
    onClose: (c) => void closers.push(c),
    close: () => {
      ws.close(1000);
      onClosed();
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new CardError('CARD_BRIDGE_UNAVAILABLE', { detail: 'bridge did not accept the connection in time' }));
      ws.close();
    }, opts.timeoutMs ?? 5_000);
    ws.addEventListener('open', () => {
      clearTimeout(timer);
      resolve(channel);
    });
    const fail = (): void => {
      clearTimeout(timer);
      reject(new CardError('CARD_BRIDGE_UNAVAILABLE', { detail: 'cannot connect to the reader bridge' }));
    };
    ws.addEventListener('error', fail);
    ws.addEventListener('close', fail); // after open, reject() is a no-op
  });
}
