/** Public surface of CRL handling (RFC 5280 §5, §6.3). */
export { ingestCrl, type IngestCrlOptions, type VerifiedCrl, type CrlScope } from './ingest-crl.js';
export { checkCrlFreshness, type CrlValidity } from './check-crl-freshness.js';
export { checkRevocation, type CertificateScope } from './check-revocation.js';
export { scanCrl, DEFAULT_MAX_CRL_BYTES, type ScanCrlOptions, type UnverifiedCrl } from './scan-crl.js';
export { CrlIndex, type CrlLookupResult } from './crl-index.js';
export type { CrlIndexEntry } from './crl-index-diff.js';
export type { CrlIssuerKey, CrlIssuerCandidate } from './crl-checks.js';
export { REASON_CODES, REASON_MEANINGS, type ReasonName } from './reasons.js';
