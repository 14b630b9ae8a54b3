/**
 * Coded card errors: a closed union of its own, separate from the server's ERR_* codes, so the
 * widget can map each one to words a customer understands and an action. Messages are fixed
 * per code and never contain a PIN, a password, file contents or command data.
 * Caller bugs (a DigestInfo that is not one, a challenge of the wrong size) throw TypeError.
 */
import { describeStatusWord } from './status-words.js';

export const CARD_ERROR_MESSAGES = {
  CARD_PIN_FORMAT: 'the PIN or password does not have the required format; nothing was sent to the card',
  CARD_PIN_WRONG: 'the PIN or password is wrong',
  CARD_PIN_LOCKED: 'the PIN or password is locked after too many wrong attempts',
  CARD_SECURITY_NOT_SATISFIED: 'the card requires a verified PIN or password for this',
  CARD_APPLICATION_NOT_FOUND: 'the card does not have the JPKI or card-face text application',
  CARD_FILE_NOT_FOUND: 'the card does not have the requested file',
  CARD_DATA_MALFORMED: 'the card returned data of an unexpected shape or size',
  CARD_UNEXPECTED_STATUS: 'the card refused the command',
  CARD_BRIDGE_UNAVAILABLE: 'the card reader bridge is not running or refused this page',
  CARD_READER_NOT_FOUND: 'no card reader is connected',
  CARD_NOT_PRESENT: 'no card is on the reader, or it was removed',
  CARD_TRANSPORT: 'the connection to the card reader failed',
  CARD_TIMEOUT: 'the card or reader did not answer in time',
} as const;

export type CardErrorCode = keyof typeof CARD_ERROR_MESSAGES;
export const CARD_ERROR_CODES = Object.keys(CARD_ERROR_MESSAGES) as CardErrorCode[];

/** Which secret a PIN error is about (jpki-reference §1, §3). */
export type PinKind = 'signing' | 'auth' | 'textAp';

export interface CardErrorDetails {
  /** CARD_PIN_*: which PIN. */
  readonly pin?: PinKind;
  /** CARD_PIN_WRONG: tries left (≥ 1; the last wrong try gives CARD_PIN_LOCKED). */
  readonly triesLeft?: number;
  /** The status word the card answered, when the error comes from one. */
  readonly sw?: number;
  /** Technical detail for logs and developers (never a secret). */
  readonly detail?: string;
}

export class CardError extends Error {
  override readonly name = 'CardError';
  readonly code: CardErrorCode;
  readonly pin: PinKind | undefined;
  readonly triesLeft: number | undefined;
  readonly sw: number | undefined;
  readonly detail: string | undefined;

  constructor(code: CardErrorCode, details: CardErrorDetails = {}) {
    const why = details.detail ?? (details.sw === undefined ? undefined : describeStatusWord(details.sw));
    super(why === undefined ? CARD_ERROR_MESSAGES[code] : `${CARD_ERROR_MESSAGES[code]} (${why})`);
    this.code = code;
    this.pin = details.pin;
    this.triesLeft = details.triesLeft;
    this.sw = details.sw;
    this.detail = why;
  }
}

export const isCardError = (e: unknown): e is CardError => e instanceof CardError;
