import { GatewayError } from '../../../errors.js';
import type { SignerIdentity } from '../../types.js';
import type { CardBasicFour } from '../types.js';

// jpki-reference §2, §3 step 5: EF0002's address equals the certificate's after normalization (ー vs － dashes, widths).
export function checkAddressMatch(card: CardBasicFour, cert: SignerIdentity): void {
  if (card.addressNormalized !== cert.addressNormalized) throw new GatewayError('ERR_CARD_ADDRESS_MISMATCH');
}
