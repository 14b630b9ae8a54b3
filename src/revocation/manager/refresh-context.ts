/** What the refresh steps share with the manager that runs them. */
import type { Clock } from '../../clock.js';
import type { CrlIssuerCandidate, CrlIssuerKey } from '../crl/index.js';
import type { LoadedCrl } from '../partitions/loaded-crl.js';
import type { SharedSnapshots } from '../shared/types.js';
import type { CrlSource } from '../sources/types.js';
import type { PartitionState } from './partition-state.js';
import type { SnapshotOutcome } from './types.js';

export interface RefreshContext {
  readonly clock: Clock;
  readonly sources: readonly CrlSource[];
  readonly issuers: readonly CrlIssuerCandidate[];
  /** The issuers' keys by sha256(SPKI) hex (snapshot signer check). */
  readonly signers: ReadonlyMap<string, CrlIssuerKey>;
  readonly graceMs: number;
  readonly maxCrlBytes: number;
  readonly shared: SharedSnapshots | undefined;
  readonly leaseMs: number;
  /** How often a replica waiting for another's first snapshot looks again. */
  readonly pollMs: number;
  readonly snapshotKey: Uint8Array | undefined;
  readonly signal: AbortSignal;
  /** Atomically replaces the partition's CRL; emits events when `emit` and there was one. */
  swap(st: PartitionState, crl: LoadedCrl, emit: boolean): void;
  noteShared(state: 'ok' | 'unreachable', error?: unknown): void;
  noteSnapshot(st: PartitionState, outcome: SnapshotOutcome, ms: number, detail?: string): void;
}
