/**
 * Session shapes (contract §5). Names the RP and the widget see are public: additions are
 * fine, renames are breaking changes. Nothing here knows about HTTP.
 */
import type { ValidationReport } from '../report/types.js';

export type SessionType = 'identity' | 'signing';
export type SessionStatus = 'pending' | 'completed' | 'failed' | 'expired' | 'cancelled';
export const SHARE_ITEMS = ['basic4', 'my_number'] as const;
export type ShareItem = (typeof SHARE_ITEMS)[number];

/** What a UI can act on: why a session waits, or why it ended. */
export type SessionHint =
  | 'waiting_for_user'
  | 'signing'
  | 'signature_invalid'
  | 'certificate_revoked'
  | 'certificate_expired'
  | 'certificate_not_yet_valid'
  | 'certificate_not_trusted'
  | 'certificate_not_accepted'
  | 'revocation_unavailable'
  | 'card_data_invalid'
  | 'expired'
  | 'cancelled_by_rp';

/** The calling tenant as the API's auth hook established it. */
export interface TenantContext {
  readonly id: string;
  /** Shown to the user and written into the identity statement. */
  readonly name: string;
  readonly scopes: ReadonlySet<string>;
  /** Origins the tenant's pages run on; a session's origin must be one of them. */
  readonly origins: readonly string[];
}

/** POST /v1/sessions body, as received (validated by checks/ before anything is stored). */
export interface CreateSessionRequest {
  readonly type: SessionType;
  readonly purpose: string;
  readonly origin: string;
  readonly include?: readonly ShareItem[];
  readonly document?: {
    readonly name: string;
    /** base64 */
    readonly content?: string;
    /** base64 of the SHA-256 digest */
    readonly digest?: string;
    readonly mediaType?: string;
  };
  readonly webhookUrl?: string;
  readonly reference?: string;
  readonly ttlSeconds?: number;
}

export interface CreatedSession {
  readonly id: string;
  readonly type: SessionType;
  readonly status: 'pending';
  readonly expiresAt: string;
  readonly widgetUrl: string;
  /** `ct_` + 32 random bytes base64url; the gateway keeps only its SHA-256. */
  readonly clientToken: string;
}

export interface SessionDocument {
  readonly name: string;
  /** Default application/octet-stream. */
  readonly mediaType: string;
  /** base64 SHA-256 of the document. */
  readonly digest: string;
  /** Bytes, when the content was given. */
  readonly size?: number;
  /** base64; absent when the RP gave only the digest. */
  readonly content?: string;
}

/** What the two-step `data-to-sign` call fixed: exactly these bytes must be signed. */
export interface PreparedSignature {
  /** base64 DER of the signer certificate presented. */
  readonly certificate: string;
  /** base64 DER SET OF Attribute (what the DigestInfo covers). */
  readonly signedAttributes: string;
  readonly signingTime: string;
}

export interface StoredResult {
  readonly report: ValidationReport;
  /** The verified basic four, when `basic4` was requested and the signature passed. */
  readonly identity: Record<string, unknown> | null;
  /** The signing certificate (facts + base64 DER), when one was identified. */
  readonly certificate: CertificateSummary | null;
  /** base64 CMS SignedData (the assembled or the client-built one). */
  readonly signature: string | null;
  /** Placeholder id until the evidence store (evidence issue) records the 犯収法 record. */
  readonly evidenceId: string;
  readonly myNumberStored: boolean;
}

export interface SessionRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly rpName: string;
  readonly type: SessionType;
  readonly status: SessionStatus;
  /** Absent once completed (nothing left to act on). */
  readonly hint?: SessionHint;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly expiresAt: string;
  readonly purpose: string;
  readonly origin: string;
  readonly include: readonly ShareItem[];
  readonly reference?: string;
  readonly webhookUrl?: string;
  /** 32 random bytes, base64url: in the statement (identity) and the binding attribute (both). */
  readonly nonce: string;
  /** Identity sessions: the exact UTF-8 text to be signed. */
  readonly statement?: string;
  readonly document?: SessionDocument;
  /** hex SHA-256 of the client token. */
  readonly clientTokenHash: string;
  /** base64, when the My Number is requested (32 random bytes, single-use). */
  readonly cardChallenge?: string;
  readonly prepared?: PreparedSignature;
  readonly result?: StoredResult;
}

/** The signer certificate as the RP sees it; `sha256` is its stable id. */
export interface CertificateSummary {
  readonly sha256: string;
  readonly serialNumber: string;
  readonly issuer: string;
  readonly subject: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** base64 DER (keep it to re-check the certificate later, 現況確認). */
  readonly der: string;
}

/** GET /v1/sessions/{id}. */
export interface SessionView {
  readonly id: string;
  readonly type: SessionType;
  readonly status: SessionStatus;
  readonly hint?: SessionHint;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly purpose: string;
  readonly origin: string;
  readonly include: readonly ShareItem[];
  readonly reference?: string;
  readonly result?: {
    readonly report: ValidationReport;
    readonly identity?: Record<string, unknown>;
    readonly certificate?: CertificateSummary;
    readonly evidenceId: string;
    readonly signature?: string;
    readonly myNumberAvailable: boolean;
  };
  /** Failed sessions: why (the report's errors, card-data codes included). */
  readonly errors?: readonly { readonly code: string; readonly message: string }[];
}

/** GET /v1/client/session: everything the widget shows before the user signs. */
export interface ClientSessionView {
  readonly id: string;
  readonly type: SessionType;
  readonly status: SessionStatus;
  readonly hint?: SessionHint;
  /** Who is asking. */
  readonly rp: { readonly name: string };
  readonly origin: string;
  readonly purpose: string;
  readonly statement?: string;
  readonly document?: SessionDocument;
  /** What will be shared with the RP. */
  readonly shares: readonly ShareItem[];
  readonly expiresAt: string;
  readonly cardChallenge?: string;
}

export interface DataToSign {
  /** base64 DER of the signed attributes (SET OF Attribute). */
  readonly dataToSign: string;
  /** base64 DER DigestInfo(SHA-256, SHA-256(dataToSign)): what the card signs. */
  readonly digestInfo: string;
  readonly digestAlgorithm: 'SHA-256';
}

/** The card's text-AP files and internal-authentication signature, base64 each. */
export interface CardDataSubmission {
  readonly textAp: {
    readonly ef0001: string;
    readonly ef0002: string;
    readonly ef0003: string;
    readonly ef0004: string;
    readonly ef0007: string;
  };
  readonly challengeSignature: string;
}

export type SignatureSubmission = ({ readonly signatureValue: string } | { readonly signature: string }) & {
  readonly cardData?: CardDataSubmission;
};

export interface SubmissionOutcome {
  readonly status: 'completed' | 'failed';
  readonly hint?: SessionHint;
}
