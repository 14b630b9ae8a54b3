/** Bounds of the session domain; deployments may tighten them (createSessionService `limits`). */
export interface SessionLimits {
  /** Lifetime of a pending session when the RP gives no ttlSeconds (contract: 10 minutes). */
  readonly defaultTtlSeconds: number;
  readonly minTtlSeconds: number;
  readonly maxTtlSeconds: number;
  /** How long a finished session's result stays readable after its expiry. */
  readonly retentionSeconds: number;
  /** Decoded size of a document given by content (larger ones: give the SHA-256). */
  readonly maxDocumentBytes: number;
  /** Accepted difference between the gateway's clock and a client-built CMS signing time. */
  readonly clockSkewSeconds: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = Object.freeze({
  defaultTtlSeconds: 600,
  minTtlSeconds: 60,
  maxTtlSeconds: 3600,
  retentionSeconds: 86_400,
  maxDocumentBytes: 1024 * 1024,
  clockSkewSeconds: 300,
});
