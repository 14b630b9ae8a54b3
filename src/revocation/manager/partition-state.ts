/** Per-partition mutable state of the manager; `serving` is replaced whole (atomic swap). */
import type { ErrorCode } from '../../errors.js';
import type { Certificate } from '../../pki/certificate.js';
import { parseNameDer, type Name } from '../../pki/name.js';
import type { LoadedCrl } from '../partitions/loaded-crl.js';
import type { CrlPartition } from '../partitions/partition-of-name.js';
import type { CrlLookupAnswer, RefreshOutcome, SnapshotOutcome } from './types.js';

/** A loaded CRL plus the caches that make lookups O(1); rebuilt on every swap. */
export interface Serving {
  readonly crl: LoadedCrl;
  /** nextUpdate + grace, ms: past it the partition answers ERR_CRL_STALE. */
  readonly deadline: number;
  readonly good: CrlLookupAnswer;
  readonly issuerName: Name;
  /** Scope decisions per certificate DP extension bytes (+ CA flag). */
  readonly scope: Map<string, boolean>;
  /** Issuer binding decisions per issuer certificate object. */
  readonly issuers: WeakMap<Certificate, boolean>;
}

export interface PartitionState {
  readonly partition: CrlPartition;
  serving: Serving | undefined;
  inflight: Promise<RefreshOutcome> | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  lastAttemptAt: number | undefined;
  last: { at: Date; outcome: RefreshOutcome; code?: ErrorCode; detail?: string } | undefined;
  lastSuccessAt: Date | undefined;
  snapshot: { at: Date; outcome: SnapshotOutcome; detail?: string } | undefined;
}

export function newPartitionState(partition: CrlPartition): PartitionState {
  return {
    partition,
    serving: undefined,
    inflight: undefined,
    timer: undefined,
    lastAttemptAt: undefined,
    last: undefined,
    lastSuccessAt: undefined,
    snapshot: undefined,
  };
}

export function serve(crl: LoadedCrl, graceMs: number): Serving {
  return {
    crl,
    deadline: crl.watermark.nextUpdate.getTime() + graceMs,
    good: Object.freeze({ status: 'good', watermark: crl.watermark }),
    issuerName: parseNameDer(crl.issuerNameDer),
    scope: new Map(),
    issuers: new WeakMap(),
  };
}
