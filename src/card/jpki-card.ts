/**
 * The JPKI card protocol at the level of verbs (jpki-reference §4): select an application,
 * count and verify PINs, read certificates and text-AP files, sign a DigestInfo, internal
 * authentication. Each verb is one or a few APDUs over the transport; nothing is logged.
 * The card's security state is per selected application: selecting an application again
 * forgets verified PINs, so verbs select only when another application is current.
 * Verbs run one at a time; a flow (several verbs) assumes nobody else uses the card meanwhile.
 */
import { CardError, type PinKind } from './card-error.js';
import { digestInfoHash } from './digest-info.js';
import { createExchange, errorForStatus, expectOk, type Exchange } from './exchange.js';
import {
  AID,
  EF0001_LENGTH,
  JPKI_EF,
  MAX_CERTIFICATE_BYTES,
  MAX_TEXT_AP_FILE_BYTES,
  TEXT_AP_EF,
} from './jpki-constants.js';
import { encodePin } from './pin-format.js';
import { readFixed, readTlvFile } from './read-file.js';
import { SW, triesLeftOf } from './status-words.js';
import type { CardTransport } from './transport.js';

export type Application = 'jpki' | 'textAp';
export type TextApFileName = 'ef0001' | 'ef0002' | 'ef0003' | 'ef0004' | 'ef0007';
export type TextApFiles = Readonly<Record<TextApFileName, Uint8Array>>;
export type SigningKey = 'signing' | 'auth';

export interface JpkiCardOptions {
  /** Per-command timeout (default 30 s). */
  readonly timeoutMs?: number;
  /** READ BINARY chunk size, 1–256 (default 256 = Le 00). Lower it for readers with small buffers. */
  readonly readChunk?: number;
}

export interface JpkiCard {
  selectJpkiAp(): Promise<void>;
  selectTextAp(): Promise<void>;
  /** Tries left before lock-out (0 = locked), without spending one. */
  triesLeft(pin: PinKind): Promise<number>;
  /** VERIFY in the JPKI-AP; CARD_PIN_FORMAT before sending, CARD_PIN_WRONG (triesLeft) / CARD_PIN_LOCKED after. */
  verifyPin(pin: 'signing' | 'auth', value: string): Promise<void>;
  verifyTextApPin(value: string): Promise<void>;
  /** EF0006 of the JPKI-AP, e.g. "JPKIAPICCTOKEN2". */
  readTokenLabel(): Promise<string>;
  /** Needs the signing password verified first (CARD_SECURITY_NOT_SATISFIED otherwise). */
  readSigningCertificate(): Promise<Uint8Array>;
  readSigningCaCertificate(): Promise<Uint8Array>;
  readAuthenticationCertificate(): Promise<Uint8Array>;
  readAuthenticationCaCertificate(): Promise<Uint8Array>;
  /** COMPUTE DIGITAL SIGNATURE over a DigestInfo (SHA-256/384/512) with the key's PIN verified. */
  computeSignature(digestInfo: Uint8Array, key?: SigningKey): Promise<Uint8Array>;
  /** EF0001–EF0003 need the text-AP PIN verified; EF0004 and EF0007 do not. */
  readTextApFile(file: TextApFileName): Promise<Uint8Array>;
  /** Internal authentication with the text AP's card key (no PIN): signs DigestInfo(SHA-256(challenge)). */
  internalAuthenticate(digestInfo: Uint8Array): Promise<Uint8Array>;
}

const PIN_EF: Record<PinKind, { app: Application; fid: number }> = {
  signing: { app: 'jpki', fid: JPKI_EF.signingPassword },
  auth: { app: 'jpki', fid: JPKI_EF.authenticationPin },
  textAp: { app: 'textAp', fid: TEXT_AP_EF.pin },
};
const KEY_EF: Record<SigningKey, number> = { signing: JPKI_EF.signingKey, auth: JPKI_EF.authenticationKey };
const TOKEN_LABEL_LENGTH = 20;
const RSA_2048_BYTES = 256;

export function createJpkiCard(transport: CardTransport, options: JpkiCardOptions = {}): JpkiCard {
  const chunk = options.readChunk ?? 256;
  if (!Number.isInteger(chunk) || chunk < 1 || chunk > 256) throw new TypeError('readChunk must be 1–256');
  const exchange: Exchange = createExchange(transport, options.timeoutMs);
  let current: Application | undefined;

  const select = async (app: Application): Promise<void> => {
    current = undefined;
    const r = await exchange({ cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: AID[app] });
    expectOk(r, { selecting: 'application' });
    current = app;
  };
  const ensure = async (app: Application): Promise<void> => {
    if (current !== app) await select(app);
  };
  const selectFile = async (app: Application, fid: number): Promise<void> => {
    await ensure(app);
    const r = await exchange({ cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(fid >> 8, fid & 0xff) });
    expectOk(r, { selecting: 'file' });
  };

  const triesLeft = async (pin: PinKind): Promise<number> => {
    await selectFile(PIN_EF[pin].app, PIN_EF[pin].fid);
    const r = await exchange({ cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x80 });
    if (r.sw === SW.AUTHENTICATION_BLOCKED) return 0;
    const left = triesLeftOf(r.sw);
    if (left === undefined) throw errorForStatus(r.sw, { pin });
    return left;
  };

  const verify = async (pin: PinKind, value: string): Promise<void> => {
    const data = encodePin(pin, value); // before any APDU: a malformed PIN never reaches the card
    await selectFile(PIN_EF[pin].app, PIN_EF[pin].fid);
    const r = await exchange({ cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x80, data });
    data.fill(0);
    if (r.sw === SW.OK) return;
    const left = triesLeftOf(r.sw);
    if (left === 0) throw new CardError('CARD_PIN_LOCKED', { pin, sw: r.sw });
    if (left !== undefined) throw new CardError('CARD_PIN_WRONG', { pin, triesLeft: left, sw: r.sw });
    throw errorForStatus(r.sw, { pin });
  };

  const readCertificate = async (fid: number): Promise<Uint8Array> => {
    await selectFile('jpki', fid);
    return readTlvFile(exchange, { maxBytes: MAX_CERTIFICATE_BYTES, chunk, expectedTag: [0x30] });
  };

  const sign = async (p2: 0x00 | 0x80, digestInfo: Uint8Array): Promise<Uint8Array> => {
    if (!(digestInfo instanceof Uint8Array) || digestInfoHash(digestInfo) === undefined)
      throw new TypeError('digestInfo must be a DER DigestInfo for SHA-256, SHA-384 or SHA-512');
    const r = await exchange({ cla: 0x80, ins: 0x2a, p1: 0x00, p2, data: digestInfo, le: 256 });
    const signature = expectOk(r);
    if (signature.length !== RSA_2048_BYTES)
      throw new CardError('CARD_DATA_MALFORMED', { detail: `signature of ${signature.length} bytes` });
    return signature;
  };

  // A verb is several APDUs (SELECT EF, then READ …): verbs run one at a time, so concurrent
  // calls cannot interleave their commands and read one file through another's selection.
  let running: Promise<unknown> = Promise.resolve();
  const serial = <A extends unknown[], T>(fn: (...args: A) => Promise<T>) => {
    return (...args: A): Promise<T> => {
      const next = running.then(
        () => fn(...args),
        () => fn(...args),
      );
      running = next.catch(() => undefined);
      return next;
    };
  };

  const verbs: JpkiCard = {
    selectJpkiAp: () => select('jpki'),
    selectTextAp: () => select('textAp'),
    triesLeft,
    verifyPin: (pin, value) => verify(pin, value),
    verifyTextApPin: (value) => verify('textAp', value),
    async readTokenLabel() {
      await selectFile('jpki', JPKI_EF.tokenLabel);
      const r = await exchange({ cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00, le: TOKEN_LABEL_LENGTH });
      const data = r.sw === SW.END_OF_FILE ? r.data : expectOk(r);
      return String.fromCharCode(...data.filter((b) => b >= 0x21 && b <= 0x7e));
    },
    readSigningCertificate: () => readCertificate(JPKI_EF.signingCertificate),
    readSigningCaCertificate: () => readCertificate(JPKI_EF.signingCaCertificate),
    readAuthenticationCertificate: () => readCertificate(JPKI_EF.authenticationCertificate),
    readAuthenticationCaCertificate: () => readCertificate(JPKI_EF.authenticationCaCertificate),
    async computeSignature(digestInfo, key = 'signing') {
      if (key !== 'signing' && key !== 'auth') throw new TypeError("key must be 'signing' or 'auth'");
      await selectFile('jpki', KEY_EF[key]);
      return sign(0x80, digestInfo);
    },
    async readTextApFile(file) {
      const fid = TEXT_AP_EF[file];
      if (fid === undefined || file === ('pin' as string)) throw new TypeError(`not a text-AP file: ${file}`);
      await selectFile('textAp', fid);
      if (file === 'ef0001') return readFixed(exchange, EF0001_LENGTH, chunk);
      const tag = { ef0002: [0xff, 0x20], ef0003: [0xff, 0x30], ef0004: [0x7f, 0x21], ef0007: [0xff, 0x50] }[file];
      return readTlvFile(exchange, { maxBytes: MAX_TEXT_AP_FILE_BYTES, chunk, expectedTag: tag });
    },
    async internalAuthenticate(digestInfo) {
      await ensure('textAp');
      return sign(0x00, digestInfo);
    },
  };
  return Object.fromEntries(
    Object.entries(verbs).map(([name, fn]) => [name, serial(fn as (...a: unknown[]) => Promise<unknown>)]),
  ) as unknown as JpkiCard;
}
