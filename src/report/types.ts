/** The validation report of contract §3 (library, CLI --json, HTTP). */
import type { Indication, SubIndication } from './sub-indication.js';

export interface ReportMessage {
  readonly code: string;
  readonly message: string;
}

export type Profile = 'jpki-signing' | 'jpki-authentication' | 'generic';

export interface CertificateFacts {
  readonly serialNumber: string;
  readonly issuer: string;
  readonly subject: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly sha256: string;
  readonly policies: readonly string[];
  readonly keyUsage: readonly string[];
}

export type RevocationStatus = 'good' | 'revoked' | 'unknown' | 'not_checked';

export interface RevocationFacts {
  readonly status: RevocationStatus;
  readonly source: 'crl' | 'ocsp' | 'none';
  readonly reason?: string;
  /** JPKI meaning of the reason (jpki-reference §5), for operators and UIs. */
  readonly reasonMeaning?: string;
  readonly revokedAt?: string;
  readonly checkedAt?: string;
  readonly thisUpdate?: string;
  readonly nextUpdate?: string;
  readonly crlNumber?: string;
  readonly policy: string;
}

export interface ValidationReport {
  readonly indication: Indication;
  readonly subIndication: SubIndication | null;
  readonly errors: readonly ReportMessage[];
  readonly warnings: readonly ReportMessage[];
  readonly profile: Profile;
  readonly validationTime: string;
  readonly signingTime: string | null;
  readonly signer: {
    readonly certificate: CertificateFacts;
    readonly identity: Record<string, unknown> | null;
    readonly chain: readonly CertificateFacts[];
  } | null;
  readonly revocation: RevocationFacts;
}
