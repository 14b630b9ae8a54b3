import { GatewayError } from '../../../errors.js';
import { TAG, parseDer } from '../../../pki/der.js';
import { bytesEqual, readOctetString } from '../../../pki/der-values.js';
import { OCSP_OID } from '../ocsp-oids.js';
import type { UnverifiedBasicResponse } from '../types.js';

// RFC 8954 §2.1, RFC 6960 §4.4.1: a nonce we sent comes back unchanged in responseExtensions
// (extnValue = OCTET STRING { Nonce OCTET STRING }); absent or different is a replay risk.
export function checkNonce(basic: UnverifiedBasicResponse, sent: Uint8Array | undefined): void {
  if (!sent) return; // no nonce sent: a pre-produced response is acceptable (freshness still applies)
  const ext = basic.extensions.find((e) => e.oid === OCSP_OID.nonce);
  if (!ext) throw new GatewayError('ERR_OCSP_NONCE_MISMATCH', 'the response carries no nonce');
  let echoed: Uint8Array;
  try {
    const t = parseDer(ext.value, 1);
    if (t.tag !== TAG.OCTET_STRING) throw new GatewayError('ERR_DER_STRUCTURE');
    echoed = readOctetString(ext.value, t);
  } catch (e) {
    if (!(e instanceof GatewayError)) throw e;
    throw new GatewayError('ERR_OCSP_NONCE_MISMATCH', 'the nonce extension is not an OCTET STRING');
  }
  if (!bytesEqual(echoed, sent)) throw new GatewayError('ERR_OCSP_NONCE_MISMATCH', 'a different nonce');
}
