/** One-shot signing when the DigestInfo is known before the card is touched. */
import { beginSigning } from './begin-signing.js';
import type { JpkiCard } from './jpki-card.js';

export interface SignDigestInfoResult {
  /** RSASSA-PKCS1-v1_5 signature value (256 bytes for the card's RSA-2048 key). */
  readonly signature: Uint8Array;
  /** The signing certificate (DER). */
  readonly certificate: Uint8Array;
}

export async function signDigestInfo(
  card: JpkiCard,
  input: { readonly password: string; readonly digestInfo: Uint8Array },
): Promise<SignDigestInfoResult> {
  const session = await beginSigning(card, input);
  return { signature: await session.sign(input.digestInfo), certificate: session.certificate };
}
