/**
 * Carriers for the bridge tests: an in-memory pair, a WebSocket double that behaves like the
 * browser's (async open, text frames, close events), and the native-messaging stdio of a child
 * process. Every message crosses as JSON text, as it would on a real carrier.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { BridgeChannel } from '../../../src/card/bridge-transport.js';
import type { WebSocketLike } from '../../../src/card/bridge-websocket.js';
import type { VirtualBridge } from '../../../src/sandbox/virtual-card-bridge.js';
import { encodeNativeMessage, nativeMessageDecoder } from '../../../src/sandbox/virtual-card-native-host.js';

const later = (fn: () => void): void => void setImmediate(fn);

export function memoryChannel(bridge: VirtualBridge, tap?: { fromBridge?: (m: unknown) => unknown }): BridgeChannel {
  let receive: (m: unknown) => void = () => undefined;
  const closers: (() => void)[] = [];
  let open = true;
  const session = bridge.openSession((m) => {
    const text = JSON.stringify(tap?.fromBridge ? tap.fromBridge(m) : m);
    later(() => open && receive(JSON.parse(text)));
  });
  return {
    send: (m) => {
      const text = JSON.stringify(m);
      later(() => void session.receive(JSON.parse(text)));
    },
    onMessage: (r) => void (receive = r),
    onClose: (c) => void closers.push(c),
    close: () => {
      if (!open) return;
      open = false;
      session.close();
      closers.forEach((c) => c());
    },
  };
}

type Listener = (e?: { data: unknown }) => void;

/** A WebSocket double wired to a virtual bridge session; `refuse` = nothing listens on the port. */
export function fakeWebSocketFactory(
  bridge: VirtualBridge,
  opts: { refuse?: boolean; frames?: (text: string) => unknown } = {},
): { create: (url: string) => WebSocketLike; urls: string[] } {
  const urls: string[] = [];
  const create = (url: string): WebSocketLike => {
    urls.push(url);
    const listeners = new Map<string, Listener[]>();
    const emit = (type: string, e?: { data: unknown }): void => listeners.get(type)?.forEach((l) => l(e));
    let readyState = 0;
    const session = bridge.openSession((m) => {
      const text = JSON.stringify(m);
      later(() => readyState === 1 && emit('message', { data: opts.frames ? opts.frames(text) : text }));
    });
    later(() => {
      if (opts.refuse) {
        readyState = 3;
        emit('error');
        emit('close');
      } else {
        readyState = 1;
        emit('open');
      }
    });
    return {
      get readyState() {
        return readyState;
      },
      send: (data) => later(() => void session.receive(JSON.parse(data))),
      close: () => {
        if (readyState === 3) return;
        readyState = 3;
        session.close();
        later(() => emit('close'));
      },
      addEventListener: (type: string, l: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), l]),
    } as WebSocketLike;
  };
  return { create, urls };
}

/** The extension side of native messaging: framed JSON on the host process's stdin/stdout. */
export function childProcessChannel(child: ChildProcessWithoutNullStreams): BridgeChannel {
  const decode = nativeMessageDecoder();
  let receive: (m: unknown) => void = () => undefined;
  const closers: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => decode(chunk).forEach((m) => receive(m)));
  child.on('exit', () => closers.forEach((c) => c()));
  return {
    send: (m) => void child.stdin.write(encodeNativeMessage(m)),
    onMessage: (r) => void (receive = r),
    onClose: (c) => void closers.push(c),
    close: () => child.stdin.end(),
  };
}
