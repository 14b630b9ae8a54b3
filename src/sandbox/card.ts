/**
 * Virtual My Number Cards (issue 3): the JPKI-AP's two key pairs and certificates from the
 * sandbox J-LIS, the text AP (EF0001–EF0004, EF0007) signed by the sandbox CV CA's signer, the
 * card's internal-authentication key, and the PINs. Deterministic: the same options give the
 * same card (keys come from the seed; the first derivation of each costs ≈ 0.6 s, later ones
 * hit the key cache). Sandbox only: never on the production verification path.
 */
import { constants, createHash, privateEncrypt } from 'node:crypto';
import { encodeDigestInfo } from '../cms/digest-info.js';
import { hasValidCheckDigit, myNumberCheckDigit } from '../identity/my-number/check-digit.js';
import { createSandboxCvCa, type SandboxCvCa } from './cv-ca.js';
import {
  ANOTHER_PERSON_IDENTITY,
  planScenario,
  type JpkiRevocationReason,
  type SandboxCardScenario,
} from './card-scenarios.js';
import { DEFAULT_IDENTITY, fifthBirthdayAfter, type SandboxIdentity } from './jpki-identity.js';
import type { IssuedCertificate } from './jpki-leaf.js';
import { createSandboxPki, type SandboxPki } from './jpki-pki.js';
import type { SandboxRoot } from './jpki-roots.js';
import { deriveRsaKey, type SandboxKeyPair } from './keys.js';
import { buildTextAp, encodeEf0001, type SandboxTextAp, type TextApBasicFour } from './text-ap.js';

export interface SandboxPins {
  /** Signing password: 6–16 of A–Z 0–9 (jpki-reference §1). */
  readonly signing: string;
  /** User-authentication PIN: 4 digits. */
  readonly authentication: string;
  /** Text-AP (券面事項入力補助) PIN: 4 digits. */
  readonly textAp: string;
}

/** Contract §4: sandbox cards have these unless others are chosen at issuance. */
export const DEFAULT_PINS: SandboxPins = Object.freeze({ signing: 'ABC123', authentication: '1234', textAp: '1234' });
export const DEFAULT_CARD_SEED = 'jpki-gateway-sandbox-card';
/** Default "now" of a sandbox card: every scenario holds when validated at this instant. */
export const SANDBOX_CARD_AT = new Date('2026-03-01T00:00:00Z');

export interface SandboxCardOptions {
  identity?: Partial<SandboxIdentity>;
  /** 12 digits with a valid check digit; default: derived from the seed (see sandboxMyNumber). */
  myNumber?: string;
  pins?: Partial<SandboxPins>;
  scenario?: SandboxCardScenario;
  seed?: string;
  /** The moment the scenario describes (validate at it); default SANDBOX_CARD_AT. */
  at?: Date;
  /** Default: the default-seed sandbox J-LIS, shared. */
  pki?: SandboxPki;
  /** Default: the CV CA of `pki.seed`. */
  cvCa?: SandboxCvCa;
  prefecture?: string;
  municipality?: string;
}

export interface SandboxCard {
  readonly seed: string;
  readonly scenario: string;
  readonly at: Date;
  /** The basic four in the signing certificate. */
  readonly identity: SandboxIdentity;
  /** The My Number issued to this card (sandbox data). EF0001 differs in 'text-ap-tampered'. */
  readonly myNumber: string;
  readonly pins: SandboxPins;
  readonly prefecture: string;
  readonly municipality: string;
  readonly signing: IssuedCertificate<SandboxRoot>;
  readonly authentication: IssuedCertificate<SandboxRoot>;
  /** The internal-authentication key; its public half is EF0007's DF51. */
  readonly cardKey: SandboxKeyPair;
  readonly textAp: SandboxTextAp;
  readonly cvCa: SandboxCvCa;
  /** For a revoked card: the signing certificate's CRL entry (createCrl's CrlEntryInput shape). */
  readonly revocation?: { readonly serial: bigint; readonly reason: JpkiRevocationReason; readonly revokedAt: Date };
  /** INTERNAL AUTHENTICATE: the card's PKCS#1 v1.5 signature over DigestInfo(SHA-256(challenge)). */
  internalAuthenticate(challenge: Uint8Array): Uint8Array;
}

/**
 * A valid-check-digit number from the seed, prefixed 00000 so a reader sees at once that it is
 * synthetic (no range is reserved for tests; it only ever appears under the sandbox CV CA).
 */
export function sandboxMyNumber(seed: string): string {
  const h = createHash('sha256').update(`${seed}/my-number`).digest();
  const base = `00000${String(h.readUInt32BE(0) % 1_000_000).padStart(6, '0')}`;
  return base + String(myNumberCheckDigit(base));
}

/** The text AP's form of the certificate's basic four: '－' (U+FF0D) for ー between digits, ISO 5218 sex. */
export function textApBasicFourOf(identity: SandboxIdentity): TextApBasicFour {
  return {
    name: identity.name,
    address: identity.address.replace(/(?<=[0-9０-９])\u30FC(?=[0-9０-９])/g, '\uFF0D'),
    birthDate: identity.birthDate,
    sexCode: ({ male: '1', female: '2', unknown: '0' } as const)[identity.sex],
  };
}

function serialOf(seed: string, purpose: string): bigint {
  const h = createHash('sha256').update(`${seed}/card-serial/${purpose}`).digest();
  return 0x01000000n + (BigInt(h.readUInt32BE(0)) % 0x7f000000n);
}

function checkPins(pins: SandboxPins): void {
  if (!/^[A-Z0-9]{6,16}$/.test(pins.signing)) throw new TypeError('signing password: 6–16 characters A–Z 0–9');
  if (!/^[0-9]{4}$/.test(pins.authentication)) throw new TypeError('authentication PIN: 4 digits');
  if (!/^[0-9]{4}$/.test(pins.textAp)) throw new TypeError('text-AP PIN: 4 digits');
}

let defaultPki: SandboxPki | undefined;

export function issueSandboxCard(opts: SandboxCardOptions = {}): SandboxCard {
  const seed = opts.seed ?? DEFAULT_CARD_SEED;
  const at = opts.at ?? SANDBOX_CARD_AT;
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new TypeError('at must be a valid Date');
  const plan = planScenario(opts.scenario ?? 'valid', at);
  const pki = opts.pki ?? (defaultPki ??= createSandboxPki());
  const cvCa = opts.cvCa ?? createSandboxCvCa(pki.seed);
  const myNumber = opts.myNumber ?? sandboxMyNumber(seed);
  if (!hasValidCheckDigit(myNumber)) throw new TypeError('myNumber must be 12 digits with a valid check digit');
  const pins: SandboxPins = Object.freeze({ ...DEFAULT_PINS, ...opts.pins });
  checkPins(pins);
  const identity: SandboxIdentity = { ...DEFAULT_IDENTITY, ...plan.identity, ...opts.identity };
  const prefecture = opts.prefecture ?? 'Tokyo-to';
  const municipality = opts.municipality ?? 'Chiyoda-ku';

  const leaf = { identity, prefecture, municipality, notBefore: plan.notBefore };
  const notAfter = plan.notAfter ?? fifthBirthdayAfter(plan.notBefore, identity.birthDate);
  const signing = pki.issueSigningCertificate({
    ...leaf,
    notAfter,
    serial: serialOf(seed, 'signing'),
    key: deriveRsaKey(`${seed}/sign`),
  });
  const authentication = pki.issueAuthenticationCertificate({
    ...leaf,
    notAfter,
    serial: serialOf(seed, 'authentication'),
    key: deriveRsaKey(`${seed}/auth`),
  });

  let cardKey = deriveRsaKey(`${seed}/card-key`);
  let textAp = buildTextAp(myNumber, textApBasicFourOf(identity), cardKey.publicKey, cvCa);
  if (plan.textAp === 'tampered') {
    const other = sandboxMyNumber(`${seed}/tampered`);
    textAp = Object.freeze({ ...textAp, ef0001: encodeEf0001(other) });
  } else if (plan.textAp === 'another-person') {
    const otherSeed = `${seed}/another-person`;
    cardKey = deriveRsaKey(`${otherSeed}/card-key`);
    textAp = buildTextAp(
      sandboxMyNumber(otherSeed),
      textApBasicFourOf(ANOTHER_PERSON_IDENTITY),
      cardKey.publicKey,
      cvCa,
    );
  }

  const privateKey = cardKey.privateKey;
  return Object.freeze({
    seed,
    scenario: plan.name,
    at,
    identity,
    myNumber,
    pins,
    prefecture,
    municipality,
    signing,
    authentication,
    cardKey,
    textAp,
    cvCa,
    ...(plan.revocation ? { revocation: { serial: BigInt(`0x${signing.serial}`), ...plan.revocation } } : {}),
    // The card pads and exponentiates the DigestInfo it is given (`80 2A 00 00 Lc <DigestInfo> 00`).
    internalAuthenticate: (challenge: Uint8Array): Uint8Array => {
      const digest = createHash('sha256').update(challenge).digest();
      return new Uint8Array(
        privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, encodeDigestInfo('SHA-256', digest)),
      );
    },
  });
}
