import { GatewayError } from '../../../errors.js';
import type { Certificate } from '../../../pki/certificate.js';
import { OID } from '../../../pki/oids.js';
import { OCSP_OID } from '../ocsp-oids.js';

const UNDERSTOOD: ReadonlySet<string> = new Set([
  OID.keyUsage,
  OID.extKeyUsage,
  OID.basicConstraints,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.certificatePolicies,
  OID.subjectAltName,
  OID.issuerAltName,
  OCSP_OID.noCheck,
]);

// RFC 5280 §4.2: a certificate with a critical extension we do not process is not relied on.
export function checkResponderCriticalExtensions(responder: Certificate): void {
  for (const ext of responder.extensions.values()) {
    if (ext.critical && !UNDERSTOOD.has(ext.oid)) {
      throw new GatewayError('ERR_OCSP_RESPONDER_UNAUTHORIZED', `responder certificate critical extension ${ext.oid}`);
    }
  }
}
