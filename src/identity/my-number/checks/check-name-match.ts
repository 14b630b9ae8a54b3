import { GatewayError } from '../../../errors.js';
import type { SignerIdentity } from '../../types.js';
import type { CardBasicFour } from '../types.js';

/**
 * jpki-reference §3 step 5: EF0002's name equals the certificate's after normalization
 * (widths, dashes, spaces; normalize.ts). Both come from the same resident record, so the
 * card carries the same substitute characters the certificate flags: no position is exempt.
 */
export function checkNameMatch(card: CardBasicFour, cert: SignerIdentity): void {
  if (card.nameNormalized !== cert.nameNormalized) throw new GatewayError('ERR_CARD_NAME_MISMATCH');
}
