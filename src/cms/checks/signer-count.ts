import { GatewayError } from '../../errors.js';
import type { Tlv } from '../../pki/der.js';
import type { UnverifiedSignedData } from '../types.js';

// JPKI profile on RFC 5652 §5.1: one card, one holder — exactly one SignerInfo.
export function checkSignerCount(sd: UnverifiedSignedData): Tlv {
  if (sd.signerInfos.length !== 1)
    throw new GatewayError('ERR_CMS_SIGNER_COUNT', `${sd.signerInfos.length} SignerInfos`);
  return sd.signerInfos[0]!;
}
