/**
 * Dates of birth from the signing certificate (`EYYYYMMDD`, attribute 1.2.392.200149.8.5.5.4)
 * and from the card's text application (`YYYYMMDD`, EF0002 DF24), both to the same
 * comparable `BirthDate` (jpki-reference §2, §3).
 *
 * The Gregorian digits are authoritative; the era digit is a second statement about the same
 * date, so an era that does not contain the date is reported (a warning), not fatal.
 * Unknown parts are 00 (住民票 "生年月日不詳" cases): day unknown → `YYYY-MM`, month and day
 * unknown → `YYYY`, year unknown too → `null`. A known day in an unknown month (or a known
 * month in an unknown year) is not a partial date but a defect.
 * Errors never include the digits: they are personal data and details reach the logs.
 */
import { GatewayError } from '../errors.js';
import type { BirthDate, BirthEra } from './types.js';

const ERA_BY_CODE: Readonly<Record<string, BirthEra>> = {
  '0': 'unknown',
  '1': 'meiji',
  '2': 'taisho',
  '3': 'showa',
  '4': 'heisei',
  '5': 'reiwa',
};

// First and last Gregorian day of each era (改元の日). 明治 counts from 慶応4年1月1日
// (= 1868-01-25), to which the era was applied retroactively; births before the 1873
// calendar reform are not expected on a living holder's card.
const ERA_RANGES: Readonly<Record<Exclude<BirthEra, 'unknown'>, readonly [string, string]>> = {
  meiji: ['1868-01-25', '1912-07-29'],
  taisho: ['1912-07-30', '1926-12-24'],
  showa: ['1926-12-25', '1989-01-07'],
  heisei: ['1989-01-08', '2019-04-30'],
  reiwa: ['2019-05-01', '9999-12-31'],
};

export interface EraBirthDate {
  readonly birthDate: BirthDate;
  readonly era: BirthEra;
  /** False when the era is known and cannot contain the (possibly partial) date. */
  readonly eraConsistent: boolean;
}

const malformed = (detail: string): GatewayError => new GatewayError('ERR_IDENTITY_MALFORMED', `birth date: ${detail}`);

/** The certificate form `EYYYYMMDD` → date, era and whether they agree. */
export function readEraBirthDate(unverifiedRaw: string): EraBirthDate {
  // jpki-reference §2: exactly 9 ASCII digits
  if (!/^[0-9]{9}$/.test(unverifiedRaw)) throw malformed('not 9 ASCII digits EYYYYMMDD');
  // jpki-reference §2: era digit 0 (unknown) or 1–5 (明治…令和)
  const era = ERA_BY_CODE[unverifiedRaw[0]!];
  if (era === undefined) throw malformed('era digit is not 0–5');
  const birthDate = gregorianDigits(unverifiedRaw.slice(1));
  return { birthDate, era, eraConsistent: eraContains(era, birthDate) };
}

/** The certificate form `EYYYYMMDD` → the comparable date (the era is dropped). */
export function birthDateFromEraForm(unverifiedRaw: string): BirthDate {
  return readEraBirthDate(unverifiedRaw).birthDate;
}

/** The text-AP form `YYYYMMDD` (Gregorian, no era) → the comparable date. */
export function birthDateFromTextAp(unverifiedRaw: string): BirthDate {
  // jpki-reference §3: DF24 is 8 ASCII digits YYYYMMDD
  if (!/^[0-9]{8}$/.test(unverifiedRaw)) throw malformed('not 8 ASCII digits YYYYMMDD');
  return gregorianDigits(unverifiedRaw);
}

function gregorianDigits(yyyymmdd: string): BirthDate {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  // jpki-reference §2: 00 marks an unknown part, and only a trailing part can be unknown
  if (m === 0 && d !== 0) throw malformed('day given for an unknown month');
  if (y === 0 && m !== 0) throw malformed('month given for an unknown year');
  // Gregorian calendar: month 1–12, day within the month (leap years included)
  if (m > 12) throw malformed('month out of range');
  if (d > daysInMonth(y, m)) throw malformed('day out of range for the month');
  const yyyy = yyyymmdd.slice(0, 4);
  const mm = yyyymmdd.slice(4, 6);
  if (y === 0) return null;
  if (m === 0) return yyyy;
  if (d === 0) return `${yyyy}-${mm}`;
  return `${yyyy}-${mm}-${yyyymmdd.slice(6, 8)}`;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Proleptic Gregorian month length (not Date.UTC: it maps years 0–99 to 1900–1999). */
function daysInMonth(y: number, m: number): number {
  if (m === 0) return 0;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && leap ? 29 : DAYS[m - 1]!;
}

/** Whether a (possibly partial) date can lie within the era: the two day ranges overlap. */
function eraContains(era: BirthEra, date: BirthDate): boolean {
  if (era === 'unknown' || date === null) return true;
  const [eraFirst, eraLast] = ERA_RANGES[era];
  const [first, last] = dayRange(date);
  return first <= eraLast && last >= eraFirst;
}

function dayRange(date: string): [string, string] {
  if (date.length === 10) return [date, date];
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return [`${date}-01`, `${date}-${String(daysInMonth(y, m)).padStart(2, '0')}`];
}
