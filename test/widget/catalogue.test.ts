/**
 * The message catalogue covers every code of the closed unions a customer can meet, in both
 * languages, with words and an action: session hints (the spec's SessionHint enum), the
 * session / card-data / My Number error codes, every HTTP problem code, every card error code
 * and status word, and every sub-indication — so every verification code is explained too.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { HTTP_ERRORS } from '../../src/api/http-errors.js';
import { CARD_ERROR_CODES } from '../../src/card/card-error.js';
import { SW } from '../../src/card/status-words.js';
import { ERROR_CODES } from '../../src/errors.js';
import { SUB_INDICATION } from '../../src/report/sub-indication.js';
import { LANGS, WIDGET_PROBLEMS, type Catalogue } from '../../src/widget/i18n/catalogue-types.js';
import { CATALOGUES, detailCodes, explain } from '../../src/widget/i18n/explain.js';

const spec = parse(readFileSync('openapi/gateway.yaml', 'utf8')) as {
  components: { schemas: Record<string, { enum?: string[] }> };
};
const HINTS = spec.components.schemas.SessionHint?.enum ?? [];
const SUB_INDICATIONS = [
  'FORMAT_FAILURE',
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'REVOKED',
  'REVOKED_NO_POE',
  'EXPIRED',
  'NOT_YET_VALID',
  'NO_CERTIFICATE_CHAIN_FOUND',
  'CERTIFICATE_CHAIN_GENERAL_FAILURE',
  'CHAIN_CONSTRAINTS_FAILURE',
  'SIG_CONSTRAINTS_FAILURE',
  'CRYPTO_CONSTRAINTS_FAILURE',
  'TRY_LATER',
  'NO_SIGNING_CERTIFICATE_FOUND',
  'SIGNED_DATA_NOT_FOUND',
]; // contract §3
const CUSTOMER_CODES = ERROR_CODES.filter((c) => /^ERR_(SESSION|CARD|MY_NUMBER)_/.test(c));

const SECTIONS: Record<keyof Catalogue, readonly string[]> = {
  hints: HINTS,
  codes: CUSTOMER_CODES,
  http: Object.keys(HTTP_ERRORS),
  card: CARD_ERROR_CODES,
  statusWords: Object.keys(SW),
  subIndications: SUB_INDICATIONS,
  widget: WIDGET_PROBLEMS,
};

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('message catalogue', () => {
  it('reads the closed unions it must cover', () => {
    expect(HINTS.length).toBeGreaterThanOrEqual(12);
    expect(CUSTOMER_CODES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(Object.values(SUB_INDICATION)).size).toBeLessThanOrEqual(SUB_INDICATIONS.length);
    for (const s of Object.values(SUB_INDICATION)) expect(SUB_INDICATIONS).toContain(s);
  });

  for (const lang of LANGS) {
    for (const [section, codes] of Object.entries(SECTIONS) as [keyof Catalogue, readonly string[]][]) {
      it(`${lang}: ${section} has exactly one message per code, each with words and an action`, () => {
        const entries = CATALOGUES[lang][section] as Record<string, { title: string; action: string }>;
        expect(Object.keys(entries).sort()).toEqual([...codes].sort());
        for (const [code, msg] of Object.entries(entries)) {
          expect(msg.title.length, `${lang} ${code}`).toBeGreaterThan(3);
          expect(msg.action.length, `${lang} ${code}`).toBeGreaterThan(3);
          // Customers read words, not codes or developer jargon.
          expect(`${msg.title} ${msg.action}`, `${lang} ${code}`).not.toMatch(/ERR_|CARD_|APDU|EF0|SW\b|undefined/);
          if (lang === 'ja') expect(msg.title, code).toMatch(JAPANESE);
          else expect(`${msg.title} ${msg.action}`, code).not.toMatch(JAPANESE);
        }
      });
    }

    it(`${lang}: every verification code of the server is explained (never the generic fallback)`, () => {
      const unknown = explain(lang, { kind: 'widget', problem: 'unknown' });
      for (const code of ERROR_CODES) {
        const msg = explain(lang, {
          kind: 'http',
          code: 'ERR_VALIDATION',
          detail: `ERR_SESSION_CERTIFICATE_NOT_ACCEPTED: x (${code})`,
        });
        expect(msg, code).not.toEqual(unknown);
      }
    });
  }

  it('explain picks the most precise code: the refused certificate reason, then the domain code, then the HTTP code', () => {
    const precise = explain('en', {
      kind: 'http',
      code: 'ERR_VALIDATION',
      detail: 'ERR_SESSION_CERTIFICATE_NOT_ACCEPTED: the certificate is not … (ERR_CERT_EXPIRED)',
    });
    expect(precise.title).toBe(CATALOGUES.en.subIndications.EXPIRED.title);
    const expired = explain('ja', {
      kind: 'http',
      code: 'ERR_SESSION_EXPIRED',
      detail: 'ERR_SESSION_EXPIRED: the session has expired',
    });
    expect(expired).toEqual(CATALOGUES.ja.codes.ERR_SESSION_EXPIRED);
    expect(explain('en', { kind: 'http', code: 'ERR_RATE_LIMITED' })).toEqual(CATALOGUES.en.http.ERR_RATE_LIMITED);
    expect(explain('en', { kind: 'http', code: 'ERR_SOMETHING_NEW' })).toEqual(CATALOGUES.en.widget.unknown);
    expect(explain('ja', { kind: 'card', code: 'CARD_PIN_LOCKED' })).toEqual(CATALOGUES.ja.card.CARD_PIN_LOCKED);
    expect(explain('ja', { kind: 'hint', hint: 'certificate_revoked' })).toEqual(
      CATALOGUES.ja.hints.certificate_revoked,
    );
    expect(explain('en', { kind: 'statusWord', name: 'AUTHENTICATION_BLOCKED' })).toEqual(
      CATALOGUES.en.statusWords.AUTHENTICATION_BLOCKED,
    );
  });

  it('detailCodes reads the lead code and the parenthesised verification codes only', () => {
    expect(detailCodes('ERR_SESSION_CERTIFICATE_NOT_ACCEPTED: msg (ERR_CERT_REVOKED, ERR_PATH_X)')).toEqual({
      lead: 'ERR_SESSION_CERTIFICATE_NOT_ACCEPTED',
      inner: ['ERR_CERT_REVOKED', 'ERR_PATH_X'],
    });
    expect(detailCodes('plain text (not codes)')).toEqual({ inner: [] });
    expect(detailCodes(undefined)).toEqual({ inner: [] });
  });
});
