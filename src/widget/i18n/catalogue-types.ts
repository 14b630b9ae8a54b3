/**
 * The shape of the message catalogue: every code a customer can meet, in words they
 * understand, with what to do next. Pure data (no DOM): the coverage test imports it.
 * Each section is a Record over a closed union of the server or the card layer, so a code
 * added there without words here fails the widget's typecheck (and test/widget/catalogue).
 */
import type { HttpErrorCode } from '../../api/http-errors.js';
import type { CardErrorCode } from '../../card/card-error.js';
import type { StatusWordName } from '../../card/status-words.js';
import type { ErrorCode } from '../../errors.js';
import type { SubIndication } from '../../report/sub-indication.js';
import type { SessionHint } from '../../sessions/types.js';

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/** What happened, and what the customer can do about it. */
export interface Msg {
  readonly title: string;
  readonly action: string;
}

/** The session, card-data and My Number codes a widget can be told about (problem detail, report). */
export type CustomerErrorCode = Extract<
  ErrorCode,
  `ERR_SESSION_${string}` | `ERR_CARD_${string}` | `ERR_MY_NUMBER_${string}`
>;

export interface Catalogue {
  readonly hints: Readonly<Record<SessionHint, Msg>>;
  readonly codes: Readonly<Record<CustomerErrorCode, Msg>>;
  readonly http: Readonly<Record<HttpErrorCode, Msg>>;
  readonly card: Readonly<Record<CardErrorCode, Msg>>;
  /** What the card answered (status words of the JPKI command set). */
  readonly statusWords: Readonly<Record<StatusWordName, Msg>>;
  /** Any other verification code, explained through its ETSI sub-indication. */
  readonly subIndications: Readonly<Record<SubIndication, Msg>>;
  /** The widget's own situations (network down, QR expired, origin mismatch …). */
  readonly widget: Readonly<Record<WidgetProblem, Msg>>;
}

export const WIDGET_PROBLEMS = [
  'network',
  'origin_mismatch',
  'no_card',
  'qr_expired',
  'qr_claimed',
  'cancelled_by_user',
  'unknown',
] as const;
export type WidgetProblem = (typeof WIDGET_PROBLEMS)[number];
