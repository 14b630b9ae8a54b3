/**
 * Native-messaging framing (the stdio protocol browsers use between an extension and a native
 * host): each message is a 32-bit length in native byte order (little-endian on every platform
 * browsers ship for) followed by that many bytes of UTF-8 JSON. Serves a virtual bridge
 * session on a pair of streams, so the tests run the reader bridge across a real process
 * boundary. Node only; sandbox only.
 */
import type { Readable, Writable } from 'node:stream';
import type { BridgeMessage } from '../card/bridge-protocol.js';
import type { VirtualBridge } from './virtual-card-bridge.js';

/** Chrome's limit for one message from a native host to the browser. */
export const MAX_NATIVE_MESSAGE_BYTES = 1024 * 1024;

export function encodeNativeMessage(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  if (body.length > MAX_NATIVE_MESSAGE_BYTES) throw new RangeError('native message over 1 MB');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length);
  return Buffer.concat([head, body]);
}

/** Accumulates stream chunks and returns the complete messages (parsed JSON; undefined for bad JSON). */
export function nativeMessageDecoder(): (chunk: Buffer) => unknown[] {
  let buffered = Buffer.alloc(0);
  return (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    const out: unknown[] = [];
    while (buffered.length >= 4) {
      const length = buffered.readUInt32LE(0);
      if (length > MAX_NATIVE_MESSAGE_BYTES) throw new RangeError('native message over 1 MB');
      if (buffered.length < 4 + length) break;
      const text = buffered.subarray(4, 4 + length).toString('utf8');
      buffered = buffered.subarray(4 + length);
      try {
        out.push(JSON.parse(text));
      } catch {
        out.push(undefined);
      }
    }
    return out;
  };
}

/** Serves one bridge session on input/output until input ends; requests are handled in order. */
export function serveNativeMessaging(bridge: VirtualBridge, input: Readable, output: Writable): Promise<void> {
  const session = bridge.openSession((m: BridgeMessage) => output.write(encodeNativeMessage(m)));
  const decode = nativeMessageDecoder();
  let chain = Promise.resolve();
  return new Promise((resolve, reject) => {
    input.on('data', (chunk: Buffer) => {
      let messages: unknown[];
      try {
        messages = decode(chunk);
      } catch (e) {
        session.close();
        return reject(e);
      }
      for (const m of messages) chain = chain.then(() => session.receive(m));
    });
    input.on('end', () => {
      void chain.then(() => {
        session.close();
        resolve();
      });
    });
  });
}
