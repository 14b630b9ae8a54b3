import { GatewayError } from '../../errors.js';
import { OID } from '../../pki/oids.js';
import { describe } from '../path-elements.js';
import type { PathCheck } from '../types.js';

/**
 * Extensions this validator processes. certificatePolicies is among them although we build
 * no valid_policy_tree: in `generic` (no policy constraints anywhere — those fail closed —
 * and initial-explicit-policy false) explicit_policy stays > 0 to the end, so RFC 5280
 * §6.1.5 (g) accepts the path whatever the tree holds; policy processing cannot fail and a
 * critical certificatePolicies is honoured by ignoring it. The JPKI profiles do read it:
 * they require the purpose's policy OID. crlDistributionPoints is read by revocation.
 * nameConstraints and the policy-constraint family are absent here on purpose: their own
 * checks reject them (fail closed) with a more specific code, whatever their criticality.
 */
export const UNDERSTOOD_EXTENSIONS: ReadonlySet<string> = new Set([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.certificatePolicies,
  OID.subjectAltName,
  OID.issuerAltName,
  OID.crlDistributionPoints,
]);

// RFC 5280 §6.1.4 (o) and §4.2: a certificate with a critical extension we do not process is rejected.
export const checkCriticalExtensions: PathCheck = ({ path }) => {
  path.certificates.forEach((cert, i) => {
    for (const ext of cert.extensions.values()) {
      if (ext.critical && !UNDERSTOOD_EXTENSIONS.has(ext.oid)) {
        throw new GatewayError('ERR_CERT_UNKNOWN_CRITICAL_EXTENSION', `${ext.oid} in ${describe(cert, i)}`);
      }
    }
  });
};
