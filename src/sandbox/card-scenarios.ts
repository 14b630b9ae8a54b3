/**
 * Scenario cards: what each scenario changes about an otherwise valid sandbox card. All times
 * are relative to the card's `at`, "the moment the scenario describes": validating at `at`
 * gives the scenario's outcome (revoked before it, expired before it, valid only after it).
 */
import type { SandboxIdentity } from './jpki-identity.js';

/** The revocation reasons J-LIS uses on JPKI CRLs (jpki-reference §5). */
export const JPKI_REVOCATION_REASONS = [
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'keyCompromise',
  'unspecified',
] as const;
export type JpkiRevocationReason = (typeof JPKI_REVOCATION_REASONS)[number];

export type SandboxCardScenario =
  | 'valid'
  | 'expired'
  | 'not-yet-valid'
  /** EF0001 replaced by another valid-looking My Number; EF0003 left as it was. */
  | 'text-ap-tampered'
  /** The text AP (and card key) of a genuine card of someone else, with this card's certificates. */
  | 'text-ap-of-another-person'
  /** Name and address with substitute characters (代替文字) flagged in the certificate. */
  | 'foreign-characters'
  /** Date of birth with the day unknown (住民票 生年月日不詳: DD = 00). */
  | 'partial-birth-date'
  | { readonly kind: 'revoked'; readonly reason: JpkiRevocationReason; readonly revokedAt?: Date };

export interface ScenarioPlan {
  readonly name: string;
  readonly identity: Partial<SandboxIdentity>;
  readonly notBefore: Date;
  readonly notAfter?: Date;
  readonly revocation?: { readonly reason: JpkiRevocationReason; readonly revokedAt: Date };
  readonly textAp: 'genuine' | 'tampered' | 'another-person';
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** 高 stands for 髙 and 吉 for 𠮷 (outside JIS X 0208), 崎 for 﨑: the certificate flags them. */
export const FOREIGN_CHARACTERS_IDENTITY: Partial<SandboxIdentity> = Object.freeze({
  name: '高橋　吉子',
  nameSubstituteFlags: '10010',
  address: '東京都千代田区試験崎町１ー２ー３',
  addressSubstituteFlags: '0000000001000000',
});

/** The other person of 'text-ap-of-another-person': every one of the basic four differs. */
export const ANOTHER_PERSON_IDENTITY: Readonly<SandboxIdentity> = Object.freeze({
  name: '見本　一郎',
  birthDate: '1975-11-23',
  sex: 'male',
  address: '大阪府大阪市北区見本町４ー５ー６',
});

export function planScenario(scenario: SandboxCardScenario, at: Date): ScenarioPlan {
  const t = at.getTime();
  const base = { identity: {}, notBefore: new Date(t - DAY), textAp: 'genuine' as const };
  if (typeof scenario === 'object' && scenario !== null && scenario.kind === 'revoked') {
    if (!(JPKI_REVOCATION_REASONS as readonly string[]).includes(scenario.reason)) {
      throw new TypeError(`revoked scenario: reason must be one of ${JPKI_REVOCATION_REASONS.join(', ')}`);
    }
    const revokedAt = scenario.revokedAt ?? new Date(t - HOUR);
    return { ...base, name: `revoked-${scenario.reason}`, revocation: { reason: scenario.reason, revokedAt } };
  }
  switch (scenario) {
    case 'valid':
      return { ...base, name: scenario };
    case 'expired': {
      // notAfter at 14:59:59Z (23:59:59 JST) the day before `at`, five years after issuance
      const notAfter = new Date(Math.floor(t / DAY) * DAY - DAY + 15 * HOUR - 1000);
      const notBefore = new Date(notAfter.getTime() - 5 * 365 * DAY);
      return { ...base, name: scenario, notBefore, notAfter };
    }
    case 'not-yet-valid':
      return { ...base, name: scenario, notBefore: new Date(t + DAY) };
    case 'text-ap-tampered':
      return { ...base, name: scenario, textAp: 'tampered' };
    case 'text-ap-of-another-person':
      return { ...base, name: scenario, textAp: 'another-person' };
    case 'foreign-characters':
      return { ...base, name: scenario, identity: FOREIGN_CHARACTERS_IDENTITY };
    case 'partial-birth-date':
      return { ...base, name: scenario, identity: { birthDate: '1960-04-00' } };
    default:
      throw new TypeError(`unknown sandbox card scenario ${JSON.stringify(scenario)}`);
  }
}
