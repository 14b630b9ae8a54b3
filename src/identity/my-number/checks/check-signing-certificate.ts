import { GatewayError } from '../../../errors.js';
import { MAX_CERTIFICATE_BYTES, parseCertificate } from '../../../pki/certificate.js';
import { decodeInput } from '../../../pki/decode-input.js';
import { OID } from '../../../pki/oids.js';
import { checkJpkiKeyUsage } from '../../../path/profiles/check-jpki-key-usage.js';
import { checkJpkiLeafKey } from '../../../path/profiles/check-jpki-leaf-key.js';
import { checkJpkiLeafNotCa } from '../../../path/profiles/check-jpki-leaf-not-ca.js';
import { checkJpkiPurpose } from '../../../path/profiles/check-jpki-purpose.js';
import { extractIdentity } from '../../extract-identity.js';
import type { SignerIdentity } from '../../types.js';

const SIGNING_POLICIES: readonly string[] = [OID.jpkiSigningPolicy, OID.jpkiTestSigningPolicy];

/**
 * JPKI profile (jpki-reference §1, §2): the certificate to cross-check with must parse and be
 * a JPKI signing certificate — an end entity with the signing keyUsage and a signing policy
 * (production or test), never an authentication one — carrying the six identity attributes.
 * This is NOT path validation, revocation or a validity-time check: whether the certificate is
 * trustworthy is the caller's `verifySignature` on the signature made with it. Errors keep
 * the codes of those shared checks (ERR_DER_*, ERR_CERT_*, ERR_IDENTITY_*).
 */
export function checkSigningCertificate(unverifiedInput: Uint8Array): SignerIdentity {
  const cert = parseCertificate(decodeInput(unverifiedInput, 4 * MAX_CERTIFICATE_BYTES));
  for (const check of [
    checkJpkiLeafNotCa,
    checkJpkiPurpose('signing'),
    checkJpkiKeyUsage('signing'),
    checkJpkiLeafKey,
  ]) {
    check(cert);
  }
  if (!(cert.policies ?? []).some((p) => SIGNING_POLICIES.includes(p))) {
    throw new GatewayError('ERR_CERT_POLICY', 'no JPKI signing policy');
  }
  return extractIdentity(cert).identity;
}
