/**
 * A virtual My Number Card: the card side of exactly the APDUs of jpki-reference §4, over the
 * CardTransport interface, so sandbox signing runs through the same protocol code a reader
 * would. State: selected application and EF, verified PINs (volatile, lost on reset / removal,
 * cleared by SELECT of an application), PIN try counters (persistent: 5 signing, 3 auth, 3 text
 * AP, jpki-reference §1; 0 = locked, 6983). Browser-safe; the private-key operation is the
 * injected signer's (virtual-card-signer.ts, virtual-card-signer-node.ts). Sandbox only.
 * Status words: src/card/status-words.ts; the table of which command gives which is in
 * docs/card-transport.md.
 */
import { encodeResponse, parseCommand, type CommandApdu } from '../card/apdu.js';
import { bytesEqualConstantTime, fromBase64 } from '../card/bytes.js';
import type { PinKind } from '../card/card-error.js';
import { PIN_TRIES } from '../card/jpki-constants.js';
import { isValidPin } from '../card/pin-format.js';
import { SW, verifyFailed } from '../card/status-words.js';
import type { CardTransport } from '../card/transport.js';
import { buildApplications, PIN_LENGTHS, type VirtualApplication, type VirtualFile } from './virtual-card-files.js';
import {
  profileFromJson,
  profileToJson,
  type VirtualCardProfile,
  type VirtualCardProfileJson,
} from './virtual-card-profile.js';
import { maxDigestInfoBytes, type VirtualCardSigner } from './virtual-card-signer.js';

export type PinCounters = Readonly<Record<PinKind, number>>;

/** JSON-safe: what survives the card leaving the reader (e.g. kept in localStorage). */
export interface VirtualCardSnapshot {
  readonly v: 1;
  readonly profile: VirtualCardProfileJson;
  readonly counters: PinCounters;
}

export interface VirtualCardOptions {
  readonly signer: VirtualCardSigner;
  /** Tries left per PIN (default: full). */
  readonly counters?: Partial<PinCounters>;
  /** Called after every change of persistent state (a try counter), to store the snapshot. */
  readonly onStateChange?: (snapshot: VirtualCardSnapshot) => void;
}

export interface VirtualCard extends CardTransport {
  snapshot(): VirtualCardSnapshot;
  /** Tries left of a PIN, as the card holds it (for tests and the sandbox UI; no APDU). */
  triesLeft(pin: PinKind): number;
  /** The card leaves the reader and comes back: selection and verified PINs are forgotten. */
  reset(): void;
}

type Answer = readonly [sw: number, data?: Uint8Array];
const PIN_KINDS: readonly PinKind[] = ['signing', 'auth', 'textAp'];
/** INS → the one CLA it is defined with (jpki-reference §4). */
const CLA_OF_INS: ReadonlyMap<number, number> = new Map([
  [0xa4, 0x00], // SELECT
  [0x20, 0x00], // VERIFY
  [0xb0, 0x00], // READ BINARY
  [0x2a, 0x80], // COMPUTE DIGITAL SIGNATURE / internal authentication (proprietary class)
]);

export function createVirtualCard(profile: VirtualCardProfile, opts: VirtualCardOptions): VirtualCard {
  for (const k of PIN_KINDS) if (!isValidPin(k, profile.pins[k])) throw new TypeError(`virtual card: bad ${k} PIN`);
  const apps = buildApplications(profile);
  const counters: Record<PinKind, number> = { ...PIN_TRIES };
  for (const k of PIN_KINDS) {
    const c = opts.counters?.[k];
    if (c === undefined) continue;
    if (!Number.isInteger(c) || c < 0 || c > PIN_TRIES[k])
      throw new TypeError(`virtual card: ${k} counter 0–${PIN_TRIES[k]}`);
    counters[k] = c;
  }
  let app: VirtualApplication | undefined;
  let ef: VirtualFile | undefined;
  let verified = new Set<PinKind>();
  const snapshot = (): VirtualCardSnapshot => ({ v: 1, profile: profileToJson(profile), counters: { ...counters } });
  const setCounter = (k: PinKind, value: number): void => {
    if (counters[k] === value) return;
    counters[k] = value;
    opts.onStateChange?.(snapshot());
  };

  const select = (c: CommandApdu): Answer => {
    if (c.p2 !== 0x0c || (c.p1 !== 0x04 && c.p1 !== 0x02)) return [SW.INCORRECT_P1P2];
    if (c.data === undefined || c.le !== undefined) return [SW.WRONG_LENGTH];
    if (c.p1 === 0x04) {
      const found = apps.find((a) => bytesEqualConstantTime(a.aid, c.data!));
      if (!found) return [SW.FILE_NOT_FOUND];
      [app, ef, verified] = [found, undefined, new Set()];
      return [SW.OK];
    }
    if (c.data.length !== 2) return [SW.WRONG_LENGTH];
    const file = app?.files.get((c.data[0]! << 8) | c.data[1]!);
    if (!file) return [SW.FILE_NOT_FOUND];
    ef = file;
    return [SW.OK];
  };

  const verify = (c: CommandApdu): Answer => {
    if (c.p1 !== 0x00 || c.p2 !== 0x80) return [SW.INCORRECT_P1P2];
    if (c.le !== undefined) return [SW.WRONG_LENGTH];
    if (!ef) return [SW.NO_CURRENT_EF];
    if (ef.kind !== 'pin') return [SW.INCOMPATIBLE_FILE];
    const pin = ef.pin;
    if (counters[pin] === 0) return [SW.AUTHENTICATION_BLOCKED];
    if (c.data === undefined) return [verifyFailed(counters[pin])];
    const [min, max] = PIN_LENGTHS[pin];
    if (c.data.length < min || c.data.length > max) return [SW.WRONG_LENGTH];
    const expected = Uint8Array.from(profile.pins[pin], (ch) => ch.charCodeAt(0));
    if (bytesEqualConstantTime(c.data, expected)) {
      setCounter(pin, PIN_TRIES[pin]);
      verified.add(pin);
      return [SW.OK];
    }
    verified.delete(pin);
    setCounter(pin, counters[pin] - 1);
    return [verifyFailed(counters[pin])];
  };

  const readBinary = (c: CommandApdu): Answer => {
    if (c.p1 & 0x80) return [SW.INCORRECT_P1P2]; // short EF identifier addressing: not supported
    if (c.data !== undefined || c.le === undefined) return [SW.WRONG_LENGTH];
    if (!ef) return [SW.NO_CURRENT_EF];
    if (ef.kind !== 'binary') return [SW.INCOMPATIBLE_FILE];
    if (ef.needs && !verified.has(ef.needs)) return [SW.SECURITY_STATUS_NOT_SATISFIED];
    const offset = (c.p1 << 8) | c.p2;
    if (offset >= ef.data.length) return [SW.WRONG_OFFSET];
    const out = ef.data.slice(offset, offset + c.le);
    return [out.length < c.le ? SW.END_OF_FILE : SW.OK, out];
  };

  const sign = async (c: CommandApdu): Promise<Answer> => {
    if (c.p1 !== 0x00 || (c.p2 !== 0x00 && c.p2 !== 0x80)) return [SW.INCORRECT_P1P2];
    if (c.data === undefined || c.le === undefined) return [SW.WRONG_LENGTH];
    let key;
    if (c.p2 === 0x80) {
      if (!ef) return [SW.NO_CURRENT_EF];
      if (ef.kind !== 'key') return [SW.INCOMPATIBLE_FILE];
      if (!verified.has(ef.needs)) return [SW.SECURITY_STATUS_NOT_SATISFIED];
      key = profile.keys[ef.key];
    } else {
      if (app?.name !== 'textAp') return [SW.CONDITIONS_NOT_SATISFIED];
      key = profile.keys.card;
    }
    const k = fromBase64(key.n).length;
    if (c.le < k || c.data.length > maxDigestInfoBytes(k)) return [SW.WRONG_LENGTH];
    return [SW.OK, await opts.signer.sign(key, c.data)];
  };

  const handle = async (bytes: Uint8Array): Promise<Answer> => {
    if (bytes.length < 4) return [SW.WRONG_LENGTH];
    const [cla, ins] = [bytes[0]!, bytes[1]!];
    if (cla !== 0x00 && cla !== 0x80) return [SW.CLA_NOT_SUPPORTED];
    const wanted = CLA_OF_INS.get(ins);
    if (wanted === undefined) return [SW.INS_NOT_SUPPORTED];
    if (cla !== wanted) return [SW.CLA_NOT_SUPPORTED];
    const parsed = parseCommand(bytes);
    if (!parsed.ok) return [SW.WRONG_LENGTH];
    const c = parsed.command;
    if (ins === 0xa4) return select(c);
    if (ins === 0x20) return verify(c);
    if (ins === 0xb0) return readBinary(c);
    return sign(c);
  };

  // One command at a time, like a card: an overlapping call waits for the previous answer.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    transmit(command) {
      if (!(command instanceof Uint8Array)) return Promise.reject(new TypeError('command must be a Uint8Array'));
      const bytes = command.slice();
      const run = queue.then(async () => {
        const [sw, data] = await handle(bytes);
        return encodeResponse(sw, data);
      });
      queue = run.catch(() => undefined);
      return run;
    },
    snapshot,
    triesLeft: (pin) => counters[pin],
    reset() {
      [app, ef, verified] = [undefined, undefined, new Set()];
    },
  };
}

/** A card back from a snapshot (untrusted JSON, e.g. from localStorage). */
export function restoreVirtualCard(unverified: unknown, opts: Omit<VirtualCardOptions, 'counters'>): VirtualCard {
  const s = unverified as Partial<VirtualCardSnapshot> | null;
  if (typeof s !== 'object' || s === null || s.v !== 1) throw new TypeError('virtual card snapshot: unknown version');
  const c = (s.counters ?? {}) as Partial<Record<PinKind, unknown>>;
  // every counter must be there: a snapshot that drops one must not give a locked PIN its tries back
  for (const k of PIN_KINDS)
    if (typeof c[k] !== 'number') throw new TypeError(`virtual card snapshot: counter ${k} missing`);
  return createVirtualCard(profileFromJson(s.profile), { ...opts, counters: c as PinCounters });
}
