/**
 * Comparison form of a JPKI name or address (jpki-reference §2: "NFKC-style width folding,
 * dash variants unified, U+3000 kept as the name separator"). Used to compare the
 * certificate's values with what a user typed and with the card's text application (§3.5).
 * The result is for equality tests only: display and records keep the raw value.
 *
 * Rules, in order (one function for names and addresses, so both sides of any comparison
 * always go through the same rules):
 * 1. Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and variation selectors
 *    (U+FE00–U+FE0F, IVS U+E0100–U+E01EF, Mongolian FVS) are dropped: input methods add them, they carry
 *    glyph choice, not identity. Stand-alone sound marks ゛゜ (U+309B/U+309C) become the
 *    combining marks U+3099/U+309A so that ｶ゛ and か゛ fold into ガ/が (NFKC alone would turn
 *    them into a space + mark, i.e. a spurious name separator).
 * 2. NFKC: full-width ASCII → ASCII, half-width katakana → full-width (with voiced marks
 *    composed), compatibility ideographs → unified ideographs, ① → 1, ㈱ → (株) and so on —
 *    except spacing marks whose compatibility form is a space + combining mark (´ ¨ ￣…):
 *    they stay as they are rather than become a name separator followed by a stray mark.
 *    Old/variant kanji that are distinct characters (髙/高, 﨑/崎, 邊/辺) are NOT folded:
 *    they are identity-relevant, and the substitute positions tell the bank where to look.
 * 3. Every run of white space (ASCII space, U+3000, tabs, NBSP…) becomes one U+3000, the
 *    certificate's name separator; leading and trailing white space is removed.
 * 4. Dashes: '-' U+2010–U+2015 U+2043 U+2212 U+FE58 U+FE63 U+FF0D U+FF70 and U+30FC ー are
 *    one character class. Directly after a kana (or after a ー just produced) it is the
 *    prolonged sound mark ー (サーバー, コーポ, ルーシー stay intact; ル－シ－ typed with a
 *    full-width minus becomes ルーシー); anywhere else it is the ASCII '-' (so the certificate's
 *    "２ー３" — J-LIS writes ー between address numbers — equals the user's "2-3", and
 *    "ＪＥＡＮ－ＰＩＥＲＲＥ" equals "Jean-Pierre"). Names and addresses use the same rule; the
 *    price is that "ハイツ-101" and "ハイツー101" compare equal, which is harmless.
 * 5. ASCII letters are upper-cased: certificates carry foreign names in upper-case romaji,
 *    users type mixed case.
 * 6. A final NFC keeps the result canonical, so normalizing twice changes nothing.
 */

const IGNORABLE = /[\u200B-\u200D\u2060\uFEFF]|\p{Variation_Selector}/gu;
const SPACE = /^\s$/u;
const SPACE_THEN_MARK = /^ \p{M}/u;
const SPACE_FOLLOWED_BY_MARK = / \p{M}/u;
const DASH = /^[-\u2010-\u2015\u2043\u2212\u30FC\uFE58\uFE63\uFF0D\uFF70]$/u;
// Hiragana and katakana letters, combining sound marks, ー and the small katakana extension.
const KANA = /^(?:[\u3041-\u3096\u30A1-\u30FA\u30FC\u31F0-\u31FF]|\u3099|\u309A)$/u;

export const CANONICAL_DASH = '-';
export const PROLONGED_SOUND_MARK = '\u30FC';
export const NAME_SEPARATOR = '\u3000';

export function normalizeForComparison(s: string): string {
  if (typeof s !== 'string') throw new TypeError('normalizeForComparison expects a string');
  const folded = nfkcKeepingSpacingMarks(
    s
      .replace(IGNORABLE, '')
      .replace(/\u309B/g, '\u3099')
      .replace(/\u309C/g, '\u309A'),
  );
  let out = '';
  let prev = '';
  let pendingSpace = false;
  for (const ch of folded) {
    if (SPACE.test(ch)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += NAME_SEPARATOR;
      prev = NAME_SEPARATOR;
      pendingSpace = false;
    }
    let c = ch;
    if (DASH.test(c)) c = KANA.test(prev) ? PROLONGED_SOUND_MARK : CANONICAL_DASH;
    else if (c >= 'a' && c <= 'z') c = c.toUpperCase();
    out += c;
    prev = c;
  }
  return out.normalize('NFC');
}

// NFKC = NFC(NFKD); decomposing code point by code point lets us skip the few whose
// compatibility decomposition starts with a space followed by a combining mark.
function nfkcKeepingSpacingMarks(s: string): string {
  // Fast path (one ICU call instead of one per character): when the whole string's NFKD has
  // no space followed by a mark, no character decomposed into one, so plain NFKC is the same.
  const whole = s.normalize('NFKD');
  if (!SPACE_FOLLOWED_BY_MARK.test(whole)) return whole.normalize('NFC');
  let d = '';
  for (const ch of s) {
    const k = ch.normalize('NFKD');
    d += SPACE_THEN_MARK.test(k) ? ch.normalize('NFD') : k;
  }
  return d.normalize('NFC');
}
