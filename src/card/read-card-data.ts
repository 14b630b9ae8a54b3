/**
 * The card data of an identity session with the My Number (jpki-reference §3): SELECT text AP →
 * VERIFY text-AP PIN → READ EF0001–EF0004, EF0007 → internal authentication over
 * DigestInfo(SHA-256(challenge)), the gateway's `cardChallenge`. The result is what
 * `verifyCardData` and the client API's `cardData` take (see cardDataJson for the wire form).
 */
import { sha256DigestInfo } from './digest-info.js';
import type { JpkiCard, TextApFiles } from './jpki-card.js';

/** verifyCardData's bounds for the challenge (src/identity/my-number/verify-card-data.ts). */
const MIN_CHALLENGE_BYTES = 16;
const MAX_CHALLENGE_BYTES = 1024;

export interface CardData {
  readonly textAp: TextApFiles;
  /** The card key's PKCS#1 v1.5 signature over DigestInfo(SHA-256(challenge)). */
  readonly challengeSignature: Uint8Array;
}

export async function readCardData(
  card: JpkiCard,
  input: { readonly pin: string; readonly challenge: Uint8Array },
): Promise<CardData> {
  const { challenge } = input;
  if (
    !(challenge instanceof Uint8Array) ||
    challenge.length < MIN_CHALLENGE_BYTES ||
    challenge.length > MAX_CHALLENGE_BYTES
  )
    throw new TypeError(`challenge must be ${MIN_CHALLENGE_BYTES}–${MAX_CHALLENGE_BYTES} bytes`);
  const digestInfo = await sha256DigestInfo(challenge);
  await card.selectTextAp();
  await card.verifyTextApPin(input.pin);
  const textAp: TextApFiles = {
    ef0001: await card.readTextApFile('ef0001'),
    ef0002: await card.readTextApFile('ef0002'),
    ef0003: await card.readTextApFile('ef0003'),
    ef0004: await card.readTextApFile('ef0004'),
    ef0007: await card.readTextApFile('ef0007'),
  };
  return { textAp, challengeSignature: await card.internalAuthenticate(digestInfo) };
}
