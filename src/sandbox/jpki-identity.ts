import { OID } from '../pki/oids.js';

// The basic four attributes (基本4情報) as the signing certificate's subjectAltName carries
// them (jpki-reference §2): six otherName UTF8Strings in the observed order .1 .4 .3 .5 .2 .6.

export type Sex = 'male' | 'female' | 'unknown';

export interface SandboxIdentity {
  /** Family and given name separated by U+3000. */
  name: string;
  /** One '0'/'1' per character of `name`; default all '0'. */
  nameSubstituteFlags?: string;
  /** 'YYYY-MM-DD'; month/day may be '00' when unknown ('0000-00-00' = fully unknown). */
  birthDate: string;
  /** Era code override 0–5 (needed for partial dates in an era's first year). */
  era?: number;
  sex: Sex;
  address: string;
  addressSubstituteFlags?: string;
}

/**
 * Obviously fictitious default holder. The address uses U+30FC as the dash, as seen in a real
 * certificate (the text AP uses U+FF0D), so consumers exercise dash normalization.
 */
export const DEFAULT_IDENTITY: Readonly<SandboxIdentity> = Object.freeze({
  name: '試験　花子',
  birthDate: '1990-04-01',
  sex: 'female',
  address: '東京都千代田区サンドボックス町１ー２ー３',
});

// First Gregorian day of each era (明治元年 = lunar Keiō 4 from its 1st day, 1868-01-25).
const ERAS: readonly [code: number, start: string][] = [
  [5, '2019-05-01'], // 令和
  [4, '1989-01-08'], // 平成
  [3, '1926-12-25'], // 昭和
  [2, '1912-07-30'], // 大正
  [1, '1868-01-25'], // 明治
];

const SEX_CODE: Record<Sex, string> = { male: '1', female: '2', unknown: '3' };

function parseBirthDate(birthDate: string): {
  y: string;
  m: string;
  d: string;
} {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) throw new TypeError(`birthDate must be YYYY-MM-DD (00 for unknown parts): ${birthDate}`);
  return { y: m[1] ?? '0000', m: m[2] ?? '00', d: m[3] ?? '00' };
}

/** Era from the Gregorian date; unknown month/day count as the earliest possible day. */
export function eraCode(birthDate: string): number {
  const { y, m, d } = parseBirthDate(birthDate);
  if (y === '0000') return 0;
  const iso = `${y}-${m === '00' ? '01' : m}-${d === '00' ? '01' : d}`;
  for (const [code, start] of ERAS) if (iso >= start) return code;
  return 0;
}

/** `EYYYYMMDD`: era digit, then the Gregorian date (jpki-reference §2). */
export function encodeBirthDate(birthDate: string, era?: number): string {
  const { y, m, d } = parseBirthDate(birthDate);
  const e = era ?? eraCode(birthDate);
  if (!Number.isInteger(e) || e < 0 || e > 9) throw new TypeError(`invalid era code ${e}`);
  return `${e}${y}${m}${d}`;
}

function defaultFlags(text: string): string {
  return '0'.repeat([...text].length);
}

/** The six otherName entries in the order observed in a real certificate. */
export function identityOtherNames(identity: SandboxIdentity): { oid: string; utf8: string }[] {
  return [
    { oid: OID.jpkiName, utf8: identity.name },
    {
      oid: OID.jpkiBirthDate,
      utf8: encodeBirthDate(identity.birthDate, identity.era),
    },
    { oid: OID.jpkiSex, utf8: SEX_CODE[identity.sex] },
    { oid: OID.jpkiAddress, utf8: identity.address },
    {
      oid: OID.jpkiNameSubstitute,
      utf8: identity.nameSubstituteFlags ?? defaultFlags(identity.name),
    },
    {
      oid: OID.jpkiAddressSubstitute,
      utf8: identity.addressSubstituteFlags ?? defaultFlags(identity.address),
    },
  ];
}

/**
 * notAfter = 23:59:59 JST (14:59:59Z) on the holder's 5th birthday after the issuance day
 * (jpki-reference §1). Without a known month/day: issuance day + 5 years. 29 Feb → 28 Feb.
 */
export function fifthBirthdayAfter(issuedAt: Date, birthDate: string): Date {
  const { m, d } = parseBirthDate(birthDate);
  const jst = new Date(issuedAt.getTime() + 9 * 3600_000);
  const [iy, im, id] = [jst.getUTCFullYear(), jst.getUTCMonth() + 1, jst.getUTCDate()];
  if (m === '00' || d === '00') return new Date(Date.UTC(iy + 5, im - 1, id, 14, 59, 59));
  const [bm, bd] = [Number(m), Number(d)];
  const afterIssueDayThisYear = bm > im || (bm === im && bd > id);
  const year = iy + (afterIssueDayThisYear ? 4 : 5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = bm === 2 && bd === 29 && !leap ? 28 : bd;
  return new Date(Date.UTC(year, bm - 1, day, 14, 59, 59));
}
