import { GatewayError } from '../../../errors.js';
import { OID } from '../../../pki/oids.js';
import { OCSP_OID } from '../ocsp-oids.js';
import type { OcspExtension, UnverifiedBasicResponse, UnverifiedSingleResponse } from '../types.js';

/** Extensions whose meaning we know (RFC 6960 §4.4, RFC 5280 §5.3.2); none changes the answer. */
const UNDERSTOOD: ReadonlySet<string> = new Set([
  OCSP_OID.nonce,
  OCSP_OID.crlId,
  OCSP_OID.archiveCutoff,
  OCSP_OID.extendedRevoke,
  OID.invalidityDate,
]);

function check(exts: readonly OcspExtension[], where: string): void {
  for (const e of exts) {
    if (e.critical && !UNDERSTOOD.has(e.oid)) {
      throw new GatewayError('ERR_OCSP_MALFORMED', `unrecognised critical ${where} extension ${e.oid}`);
    }
  }
}

// RFC 6960 §4.4 with RFC 5280 §4.2 semantics: a critical extension we do not understand makes the answer unusable.
export function checkCriticalExtensions(basic: UnverifiedBasicResponse, single: UnverifiedSingleResponse): void {
  check(basic.extensions, 'response');
  check(single.extensions, 'singleResponse');
}
