/** Shapes shared by the path verb, its search and its checks. */
import type { Certificate } from '../pki/certificate.js';
import type { KeyUsageName } from '../pki/extensions.js';
import type { TrustStore } from '../trust/create-trust-store.js';
import type { TrustAnchor } from '../trust/trust-anchor.js';

export type PathProfile = 'jpki-signing' | 'jpki-authentication' | 'generic';

export interface ValidatePathInput {
  readonly leaf: Certificate;
  /** Untrusted candidates (from the CMS, the caller, a card): only used if they chain. */
  readonly intermediates?: readonly Certificate[];
  /** A store, or anchors / anchor certificates (wrapped with toTrustAnchor). */
  readonly anchors: readonly (TrustAnchor | Certificate)[] | TrustStore;
  /** Validation time in ms since the epoch (injected; never read from a clock here). */
  readonly at: number;
  readonly profile: PathProfile;
  /** Most intermediate CA certificates between leaf and anchor. Default: 4 generic, 0 JPKI. */
  readonly maxDepth?: number;
  /** Usages the leaf must allow (RFC 5280 §4.2.1.3). */
  readonly keyUsage?: readonly KeyUsageName[];
  /** Extended key usage OIDs the leaf must allow (RFC 5280 §4.2.1.12). */
  readonly extendedKeyUsage?: readonly string[];
  /**
   * JPKI profiles only: policy OIDs the leaf may carry instead of the defaults (smartphone
   * JPKI, jpki-reference §1). Test-environment OIDs (…8.5.1.0.x) are still refused under a
   * root that is not O=JPKI-TEST.
   */
  readonly allowedPolicies?: readonly string[];
}

export interface ValidatedPath {
  /** Leaf first, then each intermediate up to the one the anchor issued. */
  readonly certificates: readonly Certificate[];
  readonly anchor: TrustAnchor;
}

/** A candidate path whose signatures all verified, handed to the checks. */
export interface CandidatePath {
  readonly certificates: readonly Certificate[];
  readonly anchor: TrustAnchor;
}

export interface CheckContext {
  readonly path: CandidatePath;
  readonly at: number;
}

/** One rule over a complete candidate path; throws a GatewayError when the rule is broken. */
export type PathCheck = (ctx: CheckContext) => void;

/** One rule over the leaf alone, run before any path is built (profile and purpose). */
export type LeafCheck = (leaf: Certificate) => void;
