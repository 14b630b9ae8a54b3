import { describe, expect, it } from 'vitest';
import { STATEMENT_HEADER, buildStatement } from '../../src/sessions/index.js';

const fields = {
  rpName: '見本証券株式会社',
  origin: 'https://www.example-securities.co.jp',
  purpose: '証券口座の開設（犯収法に基づく本人確認）',
  nonce: 'q83vEjRWeJC6zN7vEjRWeJC6zN7vEjRWeJC6zN7vEjQ',
  issuedAt: new Date('2026-03-01T00:00:00.123Z'),
};

describe('buildStatement (identity statement v1)', () => {
  it('is a stable, line-per-field, LF-terminated UTF-8 text (the exact bytes users sign)', () => {
    expect(buildStatement(fields)).toBe(
      [
        STATEMENT_HEADER,
        'Relying party / 依頼者: 見本証券株式会社',
        'Origin / オリジン: https://www.example-securities.co.jp',
        'Purpose / 目的: 証券口座の開設（犯収法に基づく本人確認）',
        'Nonce / ノンス: q83vEjRWeJC6zN7vEjRWeJC6zN7vEjRWeJC6zN7vEjQ',
        'Issued at / 発行日時: 2026-03-01T00:00:00Z',
        '',
      ].join('\n'),
    );
    expect(STATEMENT_HEADER).toBe('jpki-gateway identity statement v1 / 本人確認ステートメント');
  });

  it('refuses values that could forge a line (caller bug: the create checks refuse them first)', () => {
    for (const purpose of ['a\nNonce / ノンス: x', 'a\rb', 'tab\there', 'a\u2028b'])
      expect(() => buildStatement({ ...fields, purpose })).toThrow(TypeError);
  });
});
