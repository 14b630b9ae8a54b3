/**
 * Card-data vectors. Origin: the simulated J-LIS and CV CA (src/sandbox, default PKI seed) and
 * a sandbox card of seed 'my-number-tests'; regenerate by rerunning (keys are derived from the
 * seeds and cached under node_modules/.cache). Holders and numbers are obviously fictitious.
 */
import { createVerifier, type Verifier } from '../../../src/index.js';
import type { VerifyCardDataInput } from '../../../src/identity/my-number/types.js';
import {
  buildTextAp,
  createSandboxCvCa,
  createSandboxPki,
  issueSandboxCard,
  textApBasicFourOf,
  type SandboxCard,
  type SandboxCardOptions,
  type SandboxTextAp,
  type TextApBasicFour,
} from '../../../src/sandbox/index.js';

export const pki = createSandboxPki();
export const cvCa = createSandboxCvCa(pki.seed);
export const SEED = 'my-number-tests';
export const CHALLENGE = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);

export function card(opts: SandboxCardOptions = {}): SandboxCard {
  return issueSandboxCard({ pki, seed: SEED, ...opts });
}

export const genuine = card();

/** One verifier for the whole suite: the CV CA key is imported once. */
export const verifier: Verifier = createVerifier({ cvCaKeys: cvCa.cvCaKeys() });

/** The bundle a widget would post for `c`: its five files, the challenge, its answer and its signing certificate. */
export function bundle(c: SandboxCard = genuine, changes: Partial<VerifyCardDataInput> = {}): VerifyCardDataInput {
  return {
    textAp: c.textAp,
    challenge: CHALLENGE,
    challengeSignature: c.internalAuthenticate(CHALLENGE),
    signingCertificate: c.signing.der,
    ...changes,
  };
}

/**
 * A text AP genuinely signed by the sandbox J-LIS for other contents, with `c`'s card key —
 * so a test reaches exactly one later check (check digit, cross-check) with all others passing.
 */
export function signedTextAp(
  myNumber: string,
  basicFour: Partial<TextApBasicFour> = {},
  c: SandboxCard = genuine,
): SandboxTextAp {
  return buildTextAp(myNumber, { ...textApBasicFourOf(c.identity), ...basicFour }, c.cardKey.publicKey, cvCa);
}

/** Copy of `bytes` with `at` replaced by `value` (or XORed with `mask`). */
export function patched(bytes: Uint8Array, at: number, change: { value?: number; mask?: number }): Uint8Array {
  const out = bytes.slice();
  out[at] = change.value ?? out[at]! ^ (change.mask ?? 0xff);
  return out;
}

export function codes(r: { status: string; errors?: readonly { code: string }[] }): string[] {
  return r.status === 'failed' ? (r.errors ?? []).map((e) => e.code) : [];
}
