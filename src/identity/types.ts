/**
 * The identity of a JPKI signing-certificate holder (基本4情報, jpki-reference §2) as it
 * appears in the validation report's `signer.identity` (contract §3). These field names are
 * public: adding fields is fine, renaming one is a breaking change.
 */

export type Sex = 'male' | 'female' | 'unknown';

/** The certificate's sex digit: 1 male, 2 female, 3 unknown (jpki-reference §2). */
export type JpkiSexCode = '1' | '2' | '3';

/** The era digit of `EYYYYMMDD`: 1 明治, 2 大正, 3 昭和, 4 平成, 5 令和, 0 unknown. */
export type BirthEra = 'meiji' | 'taisho' | 'showa' | 'heisei' | 'reiwa' | 'unknown';

/**
 * A birth date with unknown parts left out: `YYYY-MM-DD`, `YYYY-MM` when the day is
 * unknown (DD = 00), `YYYY` when month and day are unknown, `null` when even the year is
 * unknown (YYYY = 0000). The same shape comes from the certificate (`EYYYYMMDD`) and from the
 * card's text application (`YYYYMMDD`), so the two compare with `===`.
 */
export type BirthDate = string | null;

/**
 * `signer.identity` of the report.
 *
 * - `name`, `address`: exactly the certificate's UTF8String values, unchanged (the value the
 *   犯収法 verification record must keep). They are the raw values: no separate `…Raw` copy.
 * - `nameNormalized`, `addressNormalized`: `normalizeForComparison` of the above, for
 *   comparing with what a user typed or with the card's text application — never for display.
 * - `nameSubstituteFlags`, `addressSubstituteFlags`: the raw flag strings (attributes .2 and
 *   .6), one ASCII '0'/'1' per Unicode code point of the value.
 * - `nameSubstitutePositions`, `addressSubstitutePositions`: 0-based **code point** indices
 *   (indices into `Array.from(value)`, not UTF-16 offsets) of the characters flagged '1',
 *   i.e. substitutes (代替文字) for characters outside JIS X 0208/0212 (外字). A bank should
 *   not expect the user's spelling to match at these positions.
 * - `birthDate`: see `BirthDate`; the Gregorian digits are authoritative.
 * - `birthDateRaw`: the 9 digits `EYYYYMMDD` as in the certificate.
 * - `birthEra`: the era the certificate names (may disagree with the date: a warning).
 * - `sex`, `sexCode`: the mapped value and the raw digit.
 */
export interface SignerIdentity {
  readonly name: string;
  readonly nameNormalized: string;
  readonly nameSubstituteFlags: string;
  readonly nameSubstitutePositions: readonly number[];
  readonly address: string;
  readonly addressNormalized: string;
  readonly addressSubstituteFlags: string;
  readonly addressSubstitutePositions: readonly number[];
  readonly birthDate: BirthDate;
  readonly birthDateRaw: string;
  readonly birthEra: BirthEra;
  readonly sex: Sex;
  readonly sexCode: JpkiSexCode;
}

export type IdentityWarningCode = 'WARN_IDENTITY_ERA_MISMATCH';

/** Same shape as the report's `{ code, message }` warnings. */
export interface IdentityWarning {
  readonly code: IdentityWarningCode;
  readonly message: string;
}

export interface ExtractedIdentity {
  readonly identity: SignerIdentity;
  readonly warnings: readonly IdentityWarning[];
}
