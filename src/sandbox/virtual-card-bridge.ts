/**
 * A reader bridge in front of virtual cards: the bridge side of the protocol in
 * src/card/bridge-protocol.ts, doing what a real bridge does with PC/SC (list readers, connect
 * exclusively, transmit only the JPKI commands, reset the card on disconnect, announce removal)
 * with virtual cards in named slots. Used by the tests and usable by a sandbox page; it is also
 * the executable reference for anyone writing a real bridge. Browser-safe; sandbox only.
 */
import {
  BRIDGE_PROTOCOL_VERSION,
  bridgeBytes,
  isAllowedJpkiCommand,
  parseBridgeRequest,
  type BridgeErrorCode,
  type BridgeMessage,
  type BridgeRequest,
} from '../card/bridge-protocol.js';
import { toHex } from '../card/bytes.js';
import type { VirtualCard } from './virtual-card.js';

/** Shaped like a PC/SC pseudo-ATR of a contactless type B card (PC/SC part 3); not a real card's. */
export const VIRTUAL_CARD_ATR = '3B888001000000000000000009'; // T0 = 88: 8 historical bytes; TCK = 09

export interface VirtualBridgeSession {
  /** One message from the page (untrusted). Answers go to the session's `send`. */
  receive(message: unknown): Promise<void>;
  /** The page went away: release the reader and reset its card. */
  close(): void;
}

export interface VirtualBridge {
  openSession(send: (message: BridgeMessage) => void): VirtualBridgeSession;
  insertCard(reader: string, card: VirtualCard): void;
  /** Takes the card off the reader: the connected session gets `card-removed`. */
  removeCard(reader: string): void;
}

interface Slot {
  card: VirtualCard | undefined;
  owner: object | undefined;
  notify: ((m: BridgeMessage) => void) | undefined;
}

export function createVirtualBridge(opts: {
  readonly readers: readonly { readonly name: string; readonly card?: VirtualCard }[];
  readonly bridge?: string;
}): VirtualBridge {
  const slots = new Map<string, Slot>(
    opts.readers.map((r) => [r.name, { card: r.card, owner: undefined, notify: undefined }]),
  );
  const release = (slot: Slot): void => {
    slot.card?.reset(); // SCardDisconnect(SCARD_RESET_CARD): the security state does not outlive a session
    [slot.owner, slot.notify] = [undefined, undefined];
  };

  return {
    insertCard(name, card) {
      const slot = slots.get(name);
      if (!slot) throw new TypeError(`no reader ${name}`);
      slot.card = card;
    },
    removeCard(name) {
      const slot = slots.get(name);
      if (!slot?.card) return;
      slot.card.reset();
      slot.card = undefined;
      slot.notify?.({ v: 1, type: 'card-removed', reader: name });
    },
    openSession(send) {
      const me = {};
      let helloDone = false;
      let connected: Slot | undefined;
      const error = (id: number, code: BridgeErrorCode, message: string): void =>
        send({ v: 1, id, type: 'error', code, message });

      const handle = async (r: BridgeRequest): Promise<void> => {
        if (r.type === 'hello') {
          helloDone = true;
          return send({
            v: 1,
            id: r.id,
            type: 'hello',
            bridge: opts.bridge ?? 'jpki-gateway-virtual-bridge/1',
            versions: [BRIDGE_PROTOCOL_VERSION],
          });
        }
        if (!helloDone) return error(r.id, 'BAD_REQUEST', 'hello first');
        switch (r.type) {
          case 'list-readers':
            return send({
              v: 1,
              id: r.id,
              type: 'readers',
              readers: [...slots].map(([name, s]) => ({ name, cardPresent: s.card !== undefined })),
            });
          case 'connect': {
            const slot = slots.get(r.reader);
            if (!slot) return error(r.id, 'NO_READER', 'no such reader');
            if (!slot.card) return error(r.id, 'NO_CARD', 'no card on the reader');
            if (slot.owner && slot.owner !== me) return error(r.id, 'BUSY', 'reader in use by another page');
            if (connected && connected !== slot) release(connected);
            [slot.owner, slot.notify, connected] = [me, send, slot];
            return send({ v: 1, id: r.id, type: 'connected', atr: VIRTUAL_CARD_ATR });
          }
          case 'transmit': {
            if (!connected) return error(r.id, 'NOT_CONNECTED', 'connect first');
            if (!connected.card) return error(r.id, 'CARD_REMOVED', 'card removed');
            const apdu = bridgeBytes(r.apdu);
            if (!isAllowedJpkiCommand(apdu)) return error(r.id, 'COMMAND_NOT_ALLOWED', 'not a JPKI command');
            const response = await connected.card.transmit(apdu);
            return send({ v: 1, id: r.id, type: 'response', rapdu: toHex(response).toUpperCase() });
          }
          case 'disconnect':
            if (connected) release(connected);
            connected = undefined;
            return send({ v: 1, id: r.id, type: 'disconnected' });
        }
      };

      return {
        async receive(message) {
          const r = parseBridgeRequest(message);
          if (!r) {
            const id = (message as { id?: unknown } | null)?.id;
            return error(
              Number.isSafeInteger(id) && (id as number) >= 0 ? (id as number) : 0,
              'BAD_REQUEST',
              'not a protocol request',
            );
          }
          try {
            await handle(r);
          } catch {
            error(r.id, 'READER_ERROR', 'the reader failed');
          }
        },
        close() {
          if (connected) release(connected);
          connected = undefined;
        },
      };
    },
  };
}
