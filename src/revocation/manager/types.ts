/** Shapes of the CRL manager: options, answers, status, metrics hooks. */
import type { Clock } from '../../clock.js';
import type { ErrorCode } from '../../errors.js';
import type { Certificate } from '../../pki/certificate.js';
import type { CrlIssuerCandidate, ReasonName } from '../crl/index.js';
import type { CrlEvent } from '../events/types.js';
import type { CrlWatermark } from '../partitions/loaded-crl.js';
import type { SharedSnapshots } from '../shared/types.js';
import type { CrlSource } from '../sources/types.js';

export interface CrlManagerOptions {
  readonly clock: Clock;
  /** Tried in order per partition; the first that has the CRL answers. */
  readonly sources: readonly CrlSource[];
  /** CA certificates / keys that may sign CRLs: the trust anchors (JPKI is single-tier). */
  readonly issuers: readonly CrlIssuerCandidate[];
  /** A partition stays usable this long after its CRL's nextUpdate (default 10 min). */
  readonly graceMs?: number;
  /** Per-partition refresh period after a success (default 15 min, ±10% jitter). */
  readonly refreshIntervalMs?: number;
  /** Per-partition retry period after a failure (default 1 min). */
  readonly retryIntervalMs?: number;
  /** Largest CRL accepted (default 512 MiB). */
  readonly maxCrlBytes?: number;
  /** Replicas share indexes through this; absent = this process does everything. */
  readonly shared?: SharedSnapshots;
  /** Lease per partition while fetching + indexing + publishing (default 2 min). */
  readonly leaseMs?: number;
  /** HMAC-SHA256 key for snapshots (GATEWAY_CRL_SNAPSHOT_KEY); absent = SHA-256 digest only. */
  readonly snapshotKey?: Uint8Array;
  /** Partition ids to load at start() besides those the sources discover. */
  readonly partitions?: readonly string[];
  /** Accepted-update events (newly revoked serials). Called after the swap; errors are logged. */
  readonly events?: (event: CrlEvent) => void;
  readonly metrics?: CrlMetrics;
  readonly log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /** false: no timers, refresh only on demand / refresh() (CLI, tests). Default true. */
  readonly schedule?: boolean;
}

export type RefreshOutcome = 'updated' | 'unchanged' | 'not-modified' | 'snapshot-loaded' | 'follower' | 'failed';

export type SnapshotOutcome =
  'loaded' | 'published' | 'same' | 'older' | 'stale' | 'invalid' | 'lease-lost' | 'unreachable';

/** Injected metrics (the API wires prom-client; domain code never imports it). */
export interface CrlMetrics {
  refreshed?(partition: string, outcome: RefreshOutcome, durationMs: number, code?: ErrorCode): void;
  /** Age of the CRL in use (now − thisUpdate), reported after each refresh attempt. */
  crlAge?(partition: string, ageSeconds: number): void;
  snapshot?(partition: string, outcome: SnapshotOutcome, durationMs: number): void;
  sharedState?(state: 'ok' | 'unreachable'): void;
}

export type CrlLookupAnswer =
  | { readonly status: 'good'; readonly watermark: CrlWatermark }
  | {
      readonly status: 'revoked';
      readonly reason: ReasonName;
      readonly revokedAt: Date;
      readonly invalidityDate?: Date;
      readonly watermark: CrlWatermark;
    };

export interface CrlLookupOptions {
  /** Validation time (ms or Date); default the clock's now. */
  readonly at?: number | Date;
  /** The same CA's other validated certificates (key rollover, RFC 5280 §6.3.3 (f)). */
  readonly sameCa?: readonly Certificate[];
}

export interface CrlPartitionStatus {
  readonly partition: string;
  readonly state: 'fresh' | 'stale' | 'missing';
  readonly entries?: number;
  readonly thisUpdate?: string;
  readonly nextUpdate?: string;
  readonly crlNumber?: string;
  readonly ageSeconds?: number;
  readonly fetchedAt?: string;
  readonly source?: string;
  readonly via?: 'source' | 'snapshot';
  readonly lastRefresh?: {
    readonly at: string;
    readonly outcome: RefreshOutcome;
    readonly code?: ErrorCode;
    readonly detail?: string;
  };
  readonly lastSuccessAt?: string;
  readonly snapshot?: { readonly at: string; readonly outcome: SnapshotOutcome; readonly detail?: string };
}

export interface CrlManagerStatus {
  readonly ready: boolean;
  readonly shared: {
    readonly kind: string;
    readonly state: 'ok' | 'unreachable' | 'unknown';
    readonly since?: string;
    readonly detail?: string;
  };
  readonly partitions: readonly CrlPartitionStatus[];
}

/** What verification needs of a CRL manager: its answers (the pool's workers proxy just these). */
export type CrlAnswerSource = Pick<CrlManager, 'peek' | 'lookup'>;

export interface CrlManager {
  /** Discovers partitions, loads them (awaited), then schedules refreshes. */
  start(): Promise<void>;
  /**
   * The revocation status of `cert` (issued by `issuer`) from its partition's CRL. Loads the
   * partition on first demand. Throws GatewayError: ERR_REVOCATION_UNAVAILABLE (no data),
   * ERR_CRL_STALE (past nextUpdate + grace), ERR_CRL_UNSUPPORTED_SCOPE, ERR_CRL_ISSUER_MISMATCH.
   * Never answers "good" without a fresh, verified CRL.
   */
  lookup(cert: Certificate, issuer: Certificate, opts?: CrlLookupOptions): Promise<CrlLookupAnswer>;
  /**
   * The same answer synchronously when the partition is loaded and fresh (the verification hot
   * path: no promise, no I/O), else undefined — it then starts the load or refresh in the
   * background, and `await lookup()` waits for it.
   * Throws what lookup throws for scope, issuer binding and certificates without a partition.
   *   const answer = manager.peek(cert, issuer) ?? (await manager.lookup(cert, issuer));
   */
  peek(cert: Certificate, issuer: Certificate, opts?: CrlLookupOptions): CrlLookupAnswer | undefined;
  /** Refreshes one partition (or all known ones) now; resolves when done. */
  refresh(partition?: string): Promise<RefreshOutcome[]>;
  status(): CrlManagerStatus;
  /** Whether usable (fresh, verified) revocation data exists: the readiness signal. */
  ready(): boolean;
  close(): Promise<void>;
}
