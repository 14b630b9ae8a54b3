/** Tenants (relying parties: brokerages, banks) and their API scopes (contract §5, §6). */

export const SCOPES = ['verify', 'identity', 'my_number', 'sign'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Tenant {
  /** Stable id: lower-case letters, digits, '-' and '_' (it becomes part of store keys). */
  readonly id: string;
  /** Shown to users in the widget ("who is asking"). */
  readonly name: string;
  /** SHA-256 of the API key; the key itself is never stored. */
  readonly apiKeySha256: Buffer;
  readonly scopes: ReadonlySet<Scope>;
  /** Exact web origins allowed to embed the widget, e.g. https://www.example.co.jp */
  readonly origins: readonly string[];
  /** HMAC-SHA256 key for webhook signatures. */
  readonly webhookSecret: string;
  /** Overrides the deployment's per-tenant rate limit (requests per minute). */
  readonly rateLimitPerMinute?: number;
}
