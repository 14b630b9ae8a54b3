import { GatewayError } from '../../errors.js';
import type { UnverifiedSignerInfo } from '../types.js';

// RFC 5652 §5.3: SignerInfo version 1 with issuerAndSerialNumber, 3 with subjectKeyIdentifier.
export function checkSignerInfoVersion(si: UnverifiedSignerInfo): void {
  const expected = si.sid.kind === 'issuerAndSerialNumber' ? 1 : 3;
  if (si.version !== expected) {
    throw new GatewayError('ERR_CMS_VERSION', `SignerInfo v${si.version} with ${si.sid.kind}, expected v${expected}`);
  }
}
