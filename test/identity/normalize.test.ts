import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForComparison } from '../../src/identity/normalize.js';

describe('normalizeForComparison', () => {
  it.each([
    // widths
    ['１２３', '123'],
    ['ＡＢＣ', 'ABC'],
    ['ｻﾝﾄﾞﾎﾞｯｸｽ', 'サンドボックス'],
    ['ﾊﾟﾋﾟﾌﾟ', 'パピプ'],
    ['ｶ゛', 'ガ'],
    ['か゛', 'が'],
    ['は゜', 'ぱ'],
    ['①', '1'],
    ['㈱試験', '(株)試験'],
    ['Ⅲ', 'III'],
    ['神', '神'], // CJK compatibility ideograph → unified
    // variant kanji are distinct characters: not folded
    ['髙', '髙'],
    ['﨑', '﨑'],
    ['邊', '邊'],
    // spaces: every run is one U+3000, trimmed
    ['試験　花子', '試験　花子'],
    ['試験 花子', '試験　花子'],
    ['試験 　 花子', '試験　花子'],
    ['試験\t花子', '試験　花子'],
    ['試験\u00A0花子', '試験　花子'],
    ['　試験　花子　', '試験　花子'],
    ['   ', ''],
    ['', ''],
    // invisible characters
    ['試\u200B験', '試験'],
    ['\uFEFF試験', '試験'],
    ['葛\u{E0100}飾', '葛飾'],
    ['辻\uFE00', '辻'],
    // spacing marks stay marks, not separators
    ['a´b', 'A´B'],
    ['￣', '￣'],
    // ASCII case
    ['Smith John', 'SMITH　JOHN'],
    ['ｊｅａｎ', 'JEAN'],
    ['Émile', 'ÉMILE'], // only ASCII letters change case
  ])('%j → %j', (input, expected) => {
    expect(normalizeForComparison(input)).toBe(expected);
  });

  describe('dashes: ー after a kana, "-" anywhere else', () => {
    const DASHES = [
      '-',
      '\u2010',
      '\u2011',
      '\u2012',
      '\u2013',
      '\u2014',
      '\u2015',
      '\u2043',
      '\u2212',
      '\u30FC',
      '\uFE58',
      '\uFE63',
      '\uFF0D',
      '\uFF70',
    ];
    it.each(DASHES.map((d) => [d.codePointAt(0)!.toString(16).toUpperCase(), d]))(
      'U+%s between digits is "-"',
      (_, d) => {
        expect(normalizeForComparison(`１${d}２`)).toBe('1-2');
        expect(normalizeForComparison(`1${d}2`)).toBe('1-2');
      },
    );
    it.each(DASHES.map((d) => [d.codePointAt(0)!.toString(16).toUpperCase(), d]))(
      'U+%s after katakana is ー',
      (_, d) => {
        expect(normalizeForComparison(`ル${d}シ${d}`)).toBe('ルーシー');
      },
    );
    it.each([
      ['東京都千代田区サンドボックス町１ー２ー３', '東京都千代田区サンドボックス町1-2-3'], // certificate style
      ['東京都千代田区サンドボックス町１－２－３', '東京都千代田区サンドボックス町1-2-3'], // card text style
      ['東京都千代田区サンドボックス町1-2-3', '東京都千代田区サンドボックス町1-2-3'], // typed
      ['１丁目２番地ー３', '1丁目2番地-3'],
      ['サーバー', 'サーバー'],
      ['ｻｰﾊﾞｰ', 'サーバー'],
      ['コーポ試験１０１', 'コーポ試験101'],
      ['ゆーき', 'ゆーき'],
      ['ＪＥＡＮ－ＰＩＥＲＲＥ', 'JEAN-PIERRE'],
      ['JEANーPIERRE', 'JEAN-PIERRE'],
      ['Ａー１', 'A-1'],
      ['ア--', 'アーー'],
      ['ア -', 'ア　-'],
      ['-1', '-1'],
    ])('%j → %j', (input, expected) => {
      expect(normalizeForComparison(input)).toBe(expected);
    });
  });

  it('makes the certificate, card and typed spellings of one address equal', () => {
    const cert = '東京都千代田区サンドボックス町１ー２ー３　テストハイツ１０１';
    const card = '東京都千代田区サンドボックス町１－２－３　テストハイツ１０１';
    const typed = '東京都千代田区サンドボックス町1-2-3 テストハイツ101';
    expect(new Set([cert, card, typed].map(normalizeForComparison)).size).toBe(1);
  });

  it('throws TypeError for a non-string (a caller bug)', () => {
    expect(() => normalizeForComparison(undefined as unknown as string)).toThrow(TypeError);
  });

  it('is idempotent on any Unicode string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const once = normalizeForComparison(s);
        expect(normalizeForComparison(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on Japanese-looking strings full of dashes, spaces and marks', () => {
    const unit = fc.constantFrom(
      'ア',
      'ｱ',
      'か',
      'ﾞ',
      'ﾟ',
      '゛',
      '゜',
      '\u3099',
      'ー',
      'ｰ',
      '－',
      '-',
      '−',
      '―',
      ' ',
      '　',
      '\t',
      '１',
      '1',
      'Ａ',
      'a',
      '試',
      '\u200B',
      '\u{E0100}',
      '´',
      '㈱',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (s) => {
        const once = normalizeForComparison(s);
        expect(normalizeForComparison(once)).toBe(once);
        expect(once).toBe(once.normalize('NFC'));
        expect(once).not.toMatch(/^\u3000|\u3000$|\u3000\u3000| /u);
      }),
      { numRuns: 2000 },
    );
  });

  it('treats ASCII space and U+3000 alike, and full-width ASCII like ASCII', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'ABCXYZ0129 ()'.split('')), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(ascii, (s) => {
        const wide = s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
        expect(normalizeForComparison(wide)).toBe(normalizeForComparison(s));
      }),
    );
  });
});
