/**
 * The card step of a session, through the card access layer (src/card): VERIFY the signing
 * password and read the certificate → data-to-sign → COMPUTE DIGITAL SIGNATURE over the
 * DigestInfo → (My Number requested) text-AP PIN, text-AP files and internal authentication
 * over the session's cardChallenge → submit. Signing comes first: selecting the text AP
 * forgets the verified signing password, as on a real card.
 */
import { beginSigning, cardDataJson, fromBase64, readCardData, toBase64, type JpkiCard } from '../../card/index.js';
import type { ClientSessionView, SessionHint } from '../../sessions/types.js';
import type { Api } from '../api.js';
import type { ProgressStep } from '../i18n/ui-types.js';

export interface CardSecrets {
  readonly password: string;
  /** The text-AP PIN, when the session reads the My Number. */
  readonly textApPin?: string;
}

export interface SignOutcome {
  readonly status: 'completed' | 'failed';
  readonly hint?: SessionHint;
}

export async function signWithCard(
  card: JpkiCard,
  api: Api,
  session: ClientSessionView,
  secrets: CardSecrets,
  progress: (step: ProgressStep) => void,
): Promise<SignOutcome> {
  progress('card');
  const signing = await beginSigning(card, { password: secrets.password });
  progress('prepare');
  const prepared = await api.dataToSign(toBase64(signing.certificate));
  progress('sign');
  const signatureValue = toBase64(await signing.sign(fromBase64(prepared.digestInfo)));
  let cardData;
  if (session.cardChallenge) {
    progress('cardData');
    const data = await readCardData(card, {
      pin: secrets.textApPin ?? '',
      challenge: fromBase64(session.cardChallenge),
    });
    cardData = cardDataJson(data);
  }
  progress('verify');
  return api.submit({ signatureValue, ...(cardData ? { cardData } : {}) });
}
