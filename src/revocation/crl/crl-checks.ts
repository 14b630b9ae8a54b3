/**
 * The rules a scanned CRL must pass before ingestCrl returns it. One rule per function, each
 * returning or throwing one coded error (architecture.md, house style 4).
 */
import type { KeyObject } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import type { Certificate } from '../../pki/certificate.js';
import { bytesEqual } from '../../pki/der-values.js';
import { KEY_USAGE_BITS } from '../../pki/extensions.js';
import { namesEqual, parseNameDer } from '../../pki/name.js';
import { MIN_RSA_BITS } from '../../pki/public-key.js';
import type { UnverifiedCrl } from './scan-crl.js';

/** A CA that may have issued the CRL, when no parsed Certificate is at hand. */
export interface CrlIssuerKey {
  /** The CA certificate's subject Name DER. */
  readonly subjectDer: Uint8Array;
  readonly publicKey: KeyObject;
  /** subjectKeyIdentifier of the CA certificate. */
  readonly keyId?: Uint8Array | undefined;
  /** keyUsage bit mask (KEY_USAGE_BITS); undefined = extension absent. */
  readonly keyUsage?: number | undefined;
}

export type CrlIssuerCandidate = Certificate | CrlIssuerKey;

export function toIssuerKey(c: CrlIssuerCandidate): CrlIssuerKey {
  if ('subjectDer' in c) return c;
  return { subjectDer: c.subject.der, publicKey: c.publicKey().key, keyId: c.subjectKeyId, keyUsage: c.keyUsage };
}

/** RFC 5280 §5.1.2.5: conforming CRLs carry nextUpdate; without it freshness is unknowable. */
export function checkNextUpdatePresent(crl: UnverifiedCrl): Date {
  if (!crl.nextUpdate) throw new GatewayError('ERR_CRL_MALFORMED', 'nextUpdate absent');
  return crl.nextUpdate;
}

/** RFC 5280 §6.3.3 (f): the CRL issuer name must be the CA's subject (§7.1 comparison). */
export function issuersByName(crl: UnverifiedCrl, candidates: readonly CrlIssuerCandidate[]): CrlIssuerCandidate[] {
  const name = parseNameDer(crl.issuerNameDer);
  const out = candidates.filter((c) => namesEqual(name, 'subjectDer' in c ? parseNameDer(c.subjectDer) : c.subject));
  if (out.length === 0) throw new GatewayError('ERR_CRL_ISSUER_MISMATCH', 'no candidate CA has the CRL issuer name');
  return out;
}

/** RFC 5280 §5.2.1: the CRL's authorityKeyIdentifier names the signing key by the CA's SKI. */
export function issuersByKeyId(crl: UnverifiedCrl, candidates: readonly CrlIssuerKey[]): CrlIssuerKey[] {
  const aki = crl.extensions.authorityKeyId;
  if (!aki) return [...candidates];
  const out = candidates.filter((c) => c.keyId !== undefined && bytesEqual(c.keyId, aki));
  if (out.length === 0)
    throw new GatewayError('ERR_CRL_ISSUER_MISMATCH', 'CRL authorityKeyIdentifier matches no candidate SKI');
  return out;
}

/** RFC 5280 §4.2.1.3, §6.3.3 (f): a CA key that signs CRLs must assert cRLSign (if keyUsage is present). */
export function issuersWithCrlSign(candidates: readonly CrlIssuerKey[]): CrlIssuerKey[] {
  const out = candidates.filter((c) => c.keyUsage === undefined || (c.keyUsage & KEY_USAGE_BITS.cRLSign) !== 0);
  if (out.length === 0) throw new GatewayError('ERR_CERT_KEY_USAGE', 'CRL issuer keyUsage lacks cRLSign');
  return out;
}

/** A CA key given as a bare KeyObject gets the same strength floor as parsed certificates. */
export function checkIssuerKeyStrength(c: CrlIssuerKey): void {
  const bits = c.publicKey.asymmetricKeyDetails?.modulusLength;
  if (bits !== undefined && bits < MIN_RSA_BITS) throw new GatewayError('ERR_KEY_TOO_WEAK', `RSA-${bits}`);
}

/** RFC 5280 §5.2, §5.3: an unrecognised critical extension makes the whole CRL unusable. */
export function checkCriticalExtensions(crl: UnverifiedCrl): void {
  const oids = [...crl.extensions.unknownCritical, ...crl.unknownCriticalEntryExtensions];
  if (oids.length > 0) throw new GatewayError('ERR_CRL_UNKNOWN_CRITICAL_EXTENSION', oids.join(', '));
}

/**
 * Only complete, direct CRLs for all reasons are supported (fail closed): delta CRLs
 * (§5.2.4), indirect CRLs (§5.2.5 indirectCRL, §5.3.3 certificateIssuer), reason-partitioned
 * CRLs (§5.2.5 onlySomeReasons) and attribute-certificate CRLs cannot prove "not revoked".
 */
export function checkFullCrlScope(crl: UnverifiedCrl): void {
  const idp = crl.extensions.idp;
  const why = crl.extensions.deltaCrlIndicator
    ? 'delta CRL'
    : idp?.indirectCRL || crl.certificateIssuerEntries > 0
      ? 'indirect CRL'
      : idp?.onlySomeReasons
        ? 'CRL for only some reasons'
        : idp?.onlyContainsAttributeCerts
          ? 'CRL for attribute certificates'
          : undefined;
  if (why) throw new GatewayError('ERR_CRL_UNSUPPORTED_SCOPE', why);
}

/** RFC 5280 §5.3.1: removeFromCRL only occurs in delta CRLs. */
export function checkNoRemoveFromCrl(crl: UnverifiedCrl): void {
  if (crl.removeFromCrlEntries > 0) throw new GatewayError('ERR_CRL_MALFORMED', 'removeFromCRL in a complete CRL');
}
