/** OCSP object identifiers (RFC 6960 §4.4, Appendix B; RFC 8954). */
export const OCSP_OID = {
  /** id-pkix-ocsp-basic: the only responseType we accept (RFC 6960 §4.2.1). */
  basic: '1.3.6.1.5.5.7.48.1.1',
  /** id-pkix-ocsp-nonce (RFC 8954 §2.1). */
  nonce: '1.3.6.1.5.5.7.48.1.2',
  /** id-pkix-ocsp-crl (RFC 6960 §4.4.2). */
  crlId: '1.3.6.1.5.5.7.48.1.3',
  /** id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1). */
  noCheck: '1.3.6.1.5.5.7.48.1.5',
  /** id-pkix-ocsp-archive-cutoff (RFC 6960 §4.4.4). */
  archiveCutoff: '1.3.6.1.5.5.7.48.1.6',
  /** id-pkix-ocsp-extended-revoke (RFC 6960 §4.4.8). */
  extendedRevoke: '1.3.6.1.5.5.7.48.1.9',
} as const;
