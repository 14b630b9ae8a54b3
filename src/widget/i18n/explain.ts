/**
 * Turns what went wrong — a session hint, an HTTP problem (whose detail leads with the domain
 * code, and for refused certificates lists the verification codes), a card error or a status
 * word — into the catalogue's words. The most precise code known wins; nothing falls through
 * without words (`widget.unknown`).
 */
import type { HttpErrorCode } from '../../api/http-errors.js';
import type { CardErrorCode } from '../../card/card-error.js';
import type { StatusWordName } from '../../card/status-words.js';
import type { ErrorCode } from '../../errors.js';
import { SUB_INDICATION } from '../../report/sub-indication.js';
import type { SessionHint } from '../../sessions/types.js';
import { EN } from './catalogue-en.js';
import { JA } from './catalogue-ja.js';
import type { Catalogue, CustomerErrorCode, Lang, Msg, WidgetProblem } from './catalogue-types.js';

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { ja: JA, en: EN };

export type Problem =
  | { readonly kind: 'hint'; readonly hint: SessionHint }
  | { readonly kind: 'http'; readonly code: string; readonly detail?: string }
  | { readonly kind: 'card'; readonly code: CardErrorCode; readonly triesLeft?: number }
  | { readonly kind: 'statusWord'; readonly name: StatusWordName }
  | { readonly kind: 'widget'; readonly problem: WidgetProblem };

const has = <K extends string>(o: Readonly<Record<K, Msg>>, k: string): k is K => Object.hasOwn(o, k);

/** The domain code a problem detail leads with, and the verification codes in its parentheses. */
export function detailCodes(detail: string | undefined): { lead?: string; inner: string[] } {
  if (!detail) return { inner: [] };
  const lead = /^(ERR_[A-Z0-9_]+)/.exec(detail)?.[1];
  const inner = /\(([A-Z0-9_, ]+)\)\s*$/.exec(detail)?.[1]?.split(/,\s*/) ?? [];
  return { ...(lead ? { lead } : {}), inner: inner.filter((c) => c.startsWith('ERR_')) };
}

/** A verification code of the server's closed union, through its sub-indication. */
function byVerificationCode(c: Catalogue, code: string): Msg | undefined {
  if (has<CustomerErrorCode>(c.codes, code)) return c.codes[code];
  if (Object.hasOwn(SUB_INDICATION, code)) return c.subIndications[SUB_INDICATION[code as ErrorCode]];
  return undefined;
}

export function explain(lang: Lang, p: Problem): Msg {
  const c = CATALOGUES[lang];
  switch (p.kind) {
    case 'hint':
      return c.hints[p.hint] ?? c.widget.unknown;
    case 'card':
      return c.card[p.code] ?? c.widget.unknown;
    case 'statusWord':
      return c.statusWords[p.name] ?? c.widget.unknown;
    case 'widget':
      return c.widget[p.problem];
    case 'http': {
      const { lead, inner } = detailCodes(p.detail);
      // A refused certificate: the precise reason (revoked, wrong purpose …) beats the generic refusal.
      const precise = inner.map((code) => byVerificationCode(c, code)).find((m) => m !== undefined);
      if (precise) return precise;
      const domain = lead === undefined ? undefined : byVerificationCode(c, lead);
      if (domain) return domain;
      return has<HttpErrorCode>(c.http, p.code) ? c.http[p.code] : c.widget.unknown;
    }
  }
}
