/**
 * The evidence record (犯収法 確認記録) kept for each completed session, and the storage port
 * it is written through. A record is self-contained (DER as base64) except for CRLs, which
 * are archived once by SHA-256 beside the records and embedded into each export, so an
 * auditor can re-verify the signature offline at the recorded validation time.
 * Shape changes are additive; `format` names the version.
 */
import type { RevocationFacts, ValidationReport } from '../report/types.js';
import type { SessionType } from '../sessions/types.js';

export const EVIDENCE_FORMAT = 'jpki-gateway/evidence/v1';
export const EVIDENCE_EXPORT_FORMAT = 'jpki-gateway/evidence-export/v1';
export const PURGE_FORMAT = 'jpki-gateway/evidence-purge/v1';
export const EVIDENCE_ID = /^evd_[A-Za-z0-9]{22}$/;

/** 犯罪収益移転防止法施行規則 第6条第1項第1号ワ: the signing certificate and data signed with it. */
export const JPKI_METHOD = Object.freeze({
  code: 'jpki' as const,
  law: '犯罪による収益の移転防止に関する法律施行規則 第6条第1項第1号ワ',
  description:
    'JPKI (公的個人認証) signing certificate received with data signed by its key; certificate ' +
    'validated to the J-LIS root with revocation checked',
});

export interface EvidenceCertificate {
  /** base64 DER; absent only for a CA certificate the deployment no longer holds. */
  readonly der?: string;
  readonly sha256: string;
  readonly subject: string;
}

export interface ArchivedCrlRef {
  readonly sha256: string;
  readonly issuer: string;
  readonly crlNumber?: string;
  readonly thisUpdate: string;
  readonly nextUpdate?: string;
}

export interface EvidenceRecord {
  readonly format: typeof EVIDENCE_FORMAT;
  readonly id: string;
  readonly tenantId: string;
  readonly sessionId: string;
  readonly sessionType: SessionType;
  readonly reference?: string;
  readonly method: typeof JPKI_METHOD;
  readonly purpose: string;
  readonly origin: string;
  readonly times: {
    readonly sessionCreatedAt: string;
    readonly completedAt: string;
    readonly signingTime: string | null;
    readonly validationTime: string;
    readonly recordedAt: string;
    readonly retainUntil: string;
  };
  /** The verified basic four (本人特定事項) as shared with the RP; null when not requested. */
  readonly identity: Record<string, unknown> | null;
  readonly certificate: EvidenceCertificate & {
    readonly der: string;
    readonly serialNumber: string;
    readonly issuer: string;
    readonly notBefore: string;
    readonly notAfter: string;
  };
  /** Issuer certificates up to the trust anchor, as the verifier used them. */
  readonly chain: readonly EvidenceCertificate[];
  readonly signedData: {
    /** base64 CMS SignedData (DER). */
    readonly signature: string;
    readonly detached: boolean;
    readonly contentKind: 'statement' | 'document';
    /** base64 of the signed content when it is kept (identity statement; documents given whole). */
    readonly content?: string;
    /** hex SHA-256 of the signed content. */
    readonly contentSha256: string;
    readonly name?: string;
    readonly mediaType?: string;
  };
  readonly revocation: {
    /** The report's revocation facts (status, source, CRL number + thisUpdate, policy). */
    readonly facts: RevocationFacts;
    /** The CRLs that answered, archived by SHA-256 (empty for OCSP or when not available). */
    readonly crls: readonly ArchivedCrlRef[];
    readonly crlMaterial: 'archived' | 'unavailable' | 'not-applicable';
    /** base64 OCSPResponse as received, when OCSP answered. */
    readonly ocspResponse?: string;
  };
  readonly report: ValidationReport;
  readonly policy: {
    readonly profile: ValidationReport['profile'];
    readonly revocation: string;
    readonly trustAnchorSha256: string | null;
    readonly certificatePolicies: readonly string[];
  };
}

/** A record and the hex SHA-256 of its canonical JSON (anchored in the audit chain). */
export interface StoredEvidence {
  readonly record: EvidenceRecord;
  readonly sha256: string;
}

export interface EvidenceRef {
  readonly id: string;
  readonly retainUntil: string;
}

export interface PurgedRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly sessionId: string;
  readonly recordedAt: string;
  readonly retainUntil: string;
  readonly sha256: string;
}

/** The deletion record of one purge run (ids only). */
export interface PurgeRecord {
  readonly format: typeof PURGE_FORMAT;
  readonly id: string;
  readonly purgedAt: string;
  readonly records: readonly PurgedRecord[];
}

/** The evidence sink (filesystem now; object storage or PostgreSQL can follow). */
export interface EvidenceStore {
  /** Writes a new record durably; false when the id exists (records are never overwritten). */
  put(stored: StoredEvidence): Promise<boolean>;
  /** The stored text's record; throws GatewayError ERR_EVIDENCE_INTEGRITY if it no longer matches its hash. */
  get(id: string): Promise<StoredEvidence | undefined>;
  /** Records whose retainUntil ≤ `before`, oldest first, at most `limit`. */
  due(before: Date, limit: number): Promise<readonly EvidenceRef[]>;
  /** Deletes the record and its retention marker; false when the record was already gone. */
  remove(ref: EvidenceRef): Promise<boolean>;
  /** Archives a CRL by SHA-256 (idempotent); returns the hex hash. */
  putCrl(der: Uint8Array): Promise<string>;
  getCrl(sha256: string): Promise<Uint8Array | undefined>;
  putPurgeRecord(p: PurgeRecord): Promise<void>;
}
