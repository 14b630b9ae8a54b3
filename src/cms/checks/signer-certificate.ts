import { GatewayError } from '../../errors.js';
import type { Certificate } from '../../pki/certificate.js';
import { bytesEqual } from '../../pki/der-values.js';
import { namesEqual, parseNameDer, type Name } from '../../pki/name.js';
import type { SignerIdentifier } from '../types.js';

// RFC 5652 §5.3 (sid) and §12.2: the sid must select exactly one certificate of the CMS
// (the same certificate included twice is still one certificate).
export function findSignerCertificate(sid: SignerIdentifier, certificates: readonly Certificate[]): Certificate {
  const matches: Certificate[] = [];
  let sidIssuer: Name | undefined;
  const issuerMatches = (der: Uint8Array, cert: Certificate): boolean =>
    bytesEqual(der, cert.issuer.der) || namesEqual(cert.issuer, (sidIssuer ??= parseNameDer(der)));
  for (const cert of certificates) {
    const match =
      sid.kind === 'subjectKeyIdentifier'
        ? cert.subjectKeyId !== undefined && bytesEqual(cert.subjectKeyId, sid.keyId)
        : bytesEqual(cert.serial, sid.serial) && issuerMatches(sid.issuerDer, cert);
    if (!match) continue;
    if (!matches.some((m) => bytesEqual(m.der, cert.der))) matches.push(cert);
  }
  if (matches.length === 0) throw new GatewayError('ERR_CMS_SIGNER_CERT_NOT_FOUND', sid.kind);
  if (matches.length > 1)
    throw new GatewayError('ERR_CMS_SIGNER_CERT_AMBIGUOUS', `${matches.length} certificates match`);
  return matches[0]!;
}
