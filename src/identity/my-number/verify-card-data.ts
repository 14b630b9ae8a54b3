/**
 * verifyCardData (contract §2): proves a My Number and the basic four read from a card's text
 * application (jpki-reference §3). Every check is a one-rule function under checks/; this file
 * only orders them, runs each whose inputs are available and collects every failure, so a
 * report names all independent defects at once. Signatures that need EF0004's key are skipped
 * when the CV certificate failed (that key is then nobody's; the failure has its own code).
 * The challenge is checked against DF51 as presented even when DF52 failed: whether this key
 * answered is an independent fact, and the result is 'failed' either way.
 * Never throws for bad card data; TypeError for caller bugs (wrong types, a short challenge).
 */
import type { KeyObject } from 'node:crypto';
import { GatewayError, isGatewayError } from '../../errors.js';
import { errorMessage } from '../../report/build-report.js';
import type { SignerIdentity } from '../types.js';
import type { CvCaKeyring } from './cv-ca-keys.js';
import { verifiedMyNumber } from './my-number.js';
import { checkAddressMatch } from './checks/check-address-match.js';
import { checkBasicFourHash } from './checks/check-basic-four-hash.js';
import { checkBirthDateMatch } from './checks/check-birth-date-match.js';
import { checkCardKeySignature } from './checks/check-card-key-signature.js';
import { checkChallengeSignature } from './checks/check-challenge-signature.js';
import { checkCheckDigit } from './checks/check-check-digit.js';
import { checkCvCertificate } from './checks/check-cv-certificate.js';
import { checkIntegritySignature } from './checks/check-integrity-signature.js';
import { checkMyNumberHash } from './checks/check-my-number-hash.js';
import { checkNameMatch } from './checks/check-name-match.js';
import { checkSexMatch } from './checks/check-sex-match.js';
import { checkSigningCertificate } from './checks/check-signing-certificate.js';
import { parseEf0001 } from './checks/parse-ef0001.js';
import { parseEf0002 } from './checks/parse-ef0002.js';
import { parseEf0003 } from './checks/parse-ef0003.js';
import { parseEf0004 } from './checks/parse-ef0004.js';
import { parseEf0007 } from './checks/parse-ef0007.js';
import type { CardDataError, CardDataResult, VerifyCardDataInput } from './types.js';

export const MIN_CHALLENGE_BYTES = 16;
export const MAX_CHALLENGE_BYTES = 1024;
const FILES = ['ef0001', 'ef0002', 'ef0003', 'ef0004', 'ef0007'] as const;

export function verifyCardData(keyring: CvCaKeyring, input: VerifyCardDataInput): CardDataResult {
  checkCallerInput(input);
  const { textAp, challenge, challengeSignature, signingCertificate } = input;
  const errors: CardDataError[] = [];
  const run = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      // never a raw exception: anything unexpected is a coded internal failure (fail closed)
      const g = isGatewayError(e) ? e : new GatewayError('ERR_INTERNAL', 'card-data check failed');
      errors.push(errorMessage(g.code, g.detail));
      return undefined;
    }
  };
  const when = <A, T>(a: A | undefined, fn: (a: A) => T): T | undefined =>
    a === undefined ? undefined : run(() => fn(a));

  // 1. Each file on its own (jpki-reference §3 structures, size limits).
  const ef0001 = run(() => parseEf0001(textAp.ef0001));
  const ef0002 = run(() => parseEf0002(textAp.ef0002));
  const ef0003 = run(() => parseEf0003(textAp.ef0003));
  const ef0004 = run(() => parseEf0004(textAp.ef0004));
  const ef0007 = run(() => parseEf0007(textAp.ef0007));

  // 2. The chain of trust: CV CA → EF0004's key → integrity record and EF0007's key.
  const textApKey: KeyObject | undefined = when(ef0004, (cv) => checkCvCertificate(cv, keyring));
  if (textApKey && ef0003) run(() => checkIntegritySignature(ef0003, textApKey));
  if (textApKey && ef0003 && ef0007) run(() => checkCardKeySignature(ef0007, ef0003, textApKey));
  // 3. The files are the ones the integrity record describes.
  when(ef0003, (rec) => checkMyNumberHash(textAp.ef0001, rec));
  if (ef0002 && ef0003) run(() => checkBasicFourHash(ef0002, ef0003));
  // 4. The card is present: it signed this challenge with EF0007's key.
  when(ef0007, (f) => checkChallengeSignature(f.unverifiedKey, challenge, challengeSignature));
  // 5. The number itself.
  when(ef0001, checkCheckDigit);
  // 6. Same person as the signing certificate (when one is given).
  const certIdentity: SignerIdentity | undefined =
    signingCertificate === undefined ? undefined : run(() => checkSigningCertificate(signingCertificate));
  if (ef0002 && certIdentity) {
    for (const check of [checkNameMatch, checkAddressMatch, checkBirthDateMatch, checkSexMatch]) {
      run(() => check(ef0002.unverifiedBasicFour, certIdentity));
    }
  }

  if (errors.length > 0 || !ef0001 || !ef0002) return { status: 'failed', errors: finalErrors(errors) };
  return {
    status: 'verified',
    myNumber: verifiedMyNumber(ef0001.unverifiedDigits),
    basicFour: ef0002.unverifiedBasicFour,
    crossCheck: certIdentity ? 'matched' : 'not_checked',
  };
}

function finalErrors(errors: CardDataError[]): CardDataError[] {
  // Unreachable by construction (a missing file always recorded an error); fail closed anyway.
  return errors.length ? errors : [errorMessage('ERR_INTERNAL', 'card data incomplete')];
}

function checkCallerInput(input: VerifyCardDataInput): void {
  if (typeof input !== 'object' || input === null) throw new TypeError('verifyCardData: input must be an object');
  const { textAp, challenge, challengeSignature, signingCertificate, at } = input;
  if (typeof textAp !== 'object' || textAp === null) throw new TypeError('verifyCardData: textAp must be an object');
  for (const f of FILES) {
    if (!(textAp[f] instanceof Uint8Array)) throw new TypeError(`verifyCardData: textAp.${f} must be a Uint8Array`);
  }
  if (!(challenge instanceof Uint8Array)) throw new TypeError('verifyCardData: challenge must be a Uint8Array');
  // The challenge is the caller's own nonce: too short to be unpredictable, or absurdly long, is a bug.
  if (challenge.length < MIN_CHALLENGE_BYTES || challenge.length > MAX_CHALLENGE_BYTES) {
    throw new TypeError(`verifyCardData: challenge must be ${MIN_CHALLENGE_BYTES}–${MAX_CHALLENGE_BYTES} bytes`);
  }
  if (!(challengeSignature instanceof Uint8Array))
    throw new TypeError('verifyCardData: challengeSignature must be a Uint8Array');
  if (signingCertificate !== undefined && !(signingCertificate instanceof Uint8Array)) {
    throw new TypeError('verifyCardData: signingCertificate must be a Uint8Array');
  }
  if (at !== undefined && (!(at instanceof Date) || Number.isNaN(at.getTime())))
    throw new TypeError('verifyCardData: at must be a valid Date');
}
