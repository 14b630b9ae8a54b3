/**
 * checkRevocation: the status of one certificate serial on a verified CRL, after checking that
 * the CRL's scope covers the certificate (RFC 5280 §6.3.3 (b)(2)). JPKI CRLs are partitioned
 * per municipality: a certificate names its partition as a directoryName in its CRL
 * distribution point (jpki-reference §1), and only the CRL whose issuingDistributionPoint
 * names the same directoryName may say it is not revoked.
 *
 * Freshness is a separate check (checkCrlFreshness): callers validate at their own time.
 */
import { GatewayError } from '../../errors.js';
import type { DistributionPoint, GeneralName } from '../../pki/extensions.js';
import { namesEqual, parseNameDer } from '../../pki/name.js';
import { bytesEqual } from '../../pki/der-values.js';
import type { CrlLookupResult } from './crl-index.js';
import type { CrlScope, VerifiedCrl } from './ingest-crl.js';

export interface CertificateScope {
  /** The certificate is a CA certificate (basicConstraints cA). Default false (JPKI leaves). */
  readonly isCa?: boolean;
}

export function checkRevocation(
  crl: VerifiedCrl,
  certSerial: Uint8Array | string,
  certCrlDp?: readonly DistributionPoint[],
  cert: CertificateScope = {},
): CrlLookupResult {
  if (crl.idp) checkScope(crl.idp, certCrlDp ?? [], cert.isCa ?? false);
  return crl.index.lookup(certSerial);
}

function checkScope(idp: CrlScope, dps: readonly DistributionPoint[], isCa: boolean): void {
  // §6.3.3 (b)(2)(iii), (iv)
  if (idp.onlyContainsUserCerts && isCa)
    throw new GatewayError('ERR_CRL_UNSUPPORTED_SCOPE', 'CRL covers end-entity certificates only');
  if (idp.onlyContainsCACerts && !isCa)
    throw new GatewayError('ERR_CRL_UNSUPPORTED_SCOPE', 'CRL covers CA certificates only');
  if (idp.directoryNames.length === 0 && idp.uris.length === 0) return;
  // §6.3.3 (b)(2)(i): one IDP name must match one name of the certificate's distribution point.
  // (ii), matching via cRLIssuer, is the indirect-CRL case we refuse at ingestion.
  const names = dps.flatMap((dp) => dp.fullName ?? []);
  if (!names.some((g) => matches(idp, g))) {
    throw new GatewayError('ERR_CRL_UNSUPPORTED_SCOPE', 'the CRL partition does not cover this certificate');
  }
}

function matches(idp: CrlScope, g: GeneralName): boolean {
  if (g.type === 'uri') return idp.uris.includes(g.value);
  if (g.type !== 'directoryName') return false;
  // Fast path: a JPKI certificate's CRL DP name is byte-identical to its partition's IDP name.
  if (idp.directoryNames.some((d) => bytesEqual(d, g.der))) return true;
  try {
    const n = parseNameDer(g.der);
    return idp.directoryNames.some((d) => namesEqual(parseNameDer(d), n));
  } catch {
    return false; // an unparsable name matches nothing: not applicable, fail closed
  }
}
