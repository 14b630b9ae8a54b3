import { OID } from '../pki/oids.js';
import { name } from './name-builder.js';

// Distinguished names and constants of the simulated J-LIS. They mirror the production
// layout (checked against ../../shared/jpki/roots with `openssl asn1parse`: C PrintableString,
// then O, OU, OU as UTF8String, one attribute per RDN) with O=JPKI-TEST, so that the
// verifier's "test root ⇒ test policy" rule (contract §2) applies to everything the sandbox makes.

export type JpkiPurpose = 'signing' | 'authentication';

/** Test policy of signing certificates (jpki-reference §1). */
export const JPKI_TEST_SIGNING_POLICY = OID.jpkiTestSigningPolicy;
/** Not documented by J-LIS (jpki-reference §1 "unknown"): the sandbox's own choice. */
export const JPKI_TEST_AUTHENTICATION_POLICY = OID.jpkiTestAuthenticationPolicy;

export const SANDBOX_ORGANIZATION = 'JPKI-TEST';
export const DEFAULT_OCSP_URL = 'http://127.0.0.1:8080/sandbox/ocsp';
/** Default issuance instant for leaves: a fixed date, so nothing depends on the wall clock. */
export const SANDBOX_EPOCH = new Date('2026-01-05T00:00:00Z');

const OU_BY_PURPOSE: Record<JpkiPurpose, string> = {
  signing: 'JPKI for digital signature',
  authentication: 'JPKI for user authentication',
};
const JLIS_OU = 'Japan Agency for Local Authority Information Systems';

/** Root subject (= issuer of every leaf of that purpose), e.g. C=JP, O=JPKI-TEST, OU=JPKI for digital signature, OU=Japan Agency… */
export function rootName(purpose: JpkiPurpose): Uint8Array {
  return name([
    ['C', 'JP'],
    ['O', SANDBOX_ORGANIZATION],
    ['OU', OU_BY_PURPOSE[purpose]],
    ['OU', JLIS_OU],
  ]);
}

/**
 * The Japanese directoryName in the roots' subjectAltName and the leaves' issuerAltName.
 * Production: O=公的個人認証サービス, OU=公的個人認証サービス署名用|利用者証明用, OU=地方公共団体情報システム機構;
 * the sandbox marks O (and the OU prefix) with 試験用 so it can never be mistaken for J-LIS.
 */
export function rootAltName(purpose: JpkiPurpose): Uint8Array {
  const service = '公的個人認証サービス試験用';
  return name([
    ['C', 'JP'],
    ['O', service],
    ['OU', service + (purpose === 'signing' ? '署名用' : '利用者証明用')],
    ['OU', '地方公共団体情報システム機構'],
  ]);
}

/** Per-municipality CRL partition name (jpki-reference §1), used in the leaves' CRL DP. */
export function crlDistributionPointName(purpose: JpkiPurpose, prefecture: string, municipality: string): Uint8Array {
  return name([
    ['C', 'JP'],
    ['O', SANDBOX_ORGANIZATION],
    ['OU', OU_BY_PURPOSE[purpose]],
    ['OU', 'CRL Distribution Points'],
    ['OU', prefecture],
    ['CN', `${municipality} CRLDP`],
  ]);
}

export function signingSubjectName(prefecture: string, municipality: string, id: string): Uint8Array {
  return name([
    ['C', 'JP'],
    ['L', prefecture],
    ['L', municipality],
    ['CN', id],
  ]);
}

export function authenticationSubjectName(id: string): Uint8Array {
  return name([
    ['C', 'JP'],
    ['CN', id],
  ]);
}
