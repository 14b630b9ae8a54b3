import { GatewayError } from '../../../errors.js';
import type { SignerIdentity } from '../../types.js';
import type { CardBasicFour } from '../types.js';

// jpki-reference §3 step 5: EF0002's YYYYMMDD equals the certificate's EYYYYMMDD without its era digit (partial dates too).
export function checkBirthDateMatch(card: CardBasicFour, cert: SignerIdentity): void {
  if (card.birthDate !== cert.birthDate) throw new GatewayError('ERR_CARD_BIRTH_DATE_MISMATCH');
}
