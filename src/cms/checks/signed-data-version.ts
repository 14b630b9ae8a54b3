import { GatewayError } from '../../errors.js';
import { OID } from '../../pki/oids.js';
import type { UnverifiedSignedData, UnverifiedSignerInfo } from '../types.js';

// RFC 5652 §5.1: version 3 exactly when a SignerInfo is v3 or eContentType is not id-data,
// else 1 (versions 4 and 5 need attribute/other certificates or CRLs, which are refused).
export function checkSignedDataVersion(sd: UnverifiedSignedData, si: UnverifiedSignerInfo): void {
  const expected = si.version === 3 || sd.eContentType !== OID.data ? 3 : 1;
  if (sd.version !== expected)
    throw new GatewayError('ERR_CMS_VERSION', `SignedData v${sd.version}, expected v${expected}`);
}
