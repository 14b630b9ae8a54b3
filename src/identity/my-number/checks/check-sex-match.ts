import { GatewayError } from '../../../errors.js';
import type { SignerIdentity } from '../../types.js';
import type { CardBasicFour } from '../types.js';

// jpki-reference §2, §3 step 5: ISO 5218 (card: 0/9 → unknown) and the JPKI code (cert: 3 → unknown) name the same sex.
export function checkSexMatch(card: CardBasicFour, cert: SignerIdentity): void {
  if (card.sex !== cert.sex) throw new GatewayError('ERR_CARD_SEX_MISMATCH');
}
