/**
 * SharedSnapshots: the port through which replicas share verified CRL indexes. One replica at
 * a time holds a partition's lease, fetches and verifies its CRL, and publishes a snapshot; the
 * others load the snapshot instead of downloading the CRL. Adapters: memory (one process,
 * tests) and Redis (production). Every adapter error is ERR_CRL_SHARED_UNAVAILABLE.
 */

/** JSON metadata of one published snapshot (the Redis pointer value). */
export interface SnapshotMeta {
  readonly format: 1;
  readonly partition: string;
  /** Unique per publish; names the chunk keys. */
  readonly version: string;
  readonly crlNumber: string | null;
  readonly thisUpdate: string;
  readonly nextUpdate: string;
  readonly fetchedAt: string;
  readonly source: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly entries: number;
  readonly issuerNameDer: string;
  /** sha256(SPKI) hex of the CA key that verified the CRL. */
  readonly issuerKeyHash: string;
  readonly idp: {
    readonly directoryNames: readonly string[];
    readonly uris: readonly string[];
    readonly onlyContainsUserCerts: boolean;
    readonly onlyContainsCACerts: boolean;
  } | null;
  readonly bodyBytes: number;
  /** 'sha256' or 'hmac-sha256' (keyed with GATEWAY_CRL_SNAPSHOT_KEY) over the body. */
  readonly digestAlg: 'sha256' | 'hmac-sha256';
  readonly digest: string;
}

export interface Snapshot {
  readonly meta: SnapshotMeta;
  /** CrlIndex.serialize() bytes. */
  readonly body: Uint8Array;
}

export interface SnapshotLease {
  readonly partition: string;
  readonly token: string;
  /** Extends the lease; false when it was lost (expired and taken by another replica). */
  renew(ttlMs: number): Promise<boolean>;
  /** Gives the lease up if still held (compare-and-delete). Never throws. */
  release(): Promise<void>;
}

export interface SharedSnapshots {
  readonly kind: string;
  /** The partition's lease for `ttlMs`, or undefined when another replica holds it. */
  acquireLease(partition: string, ttlMs: number): Promise<SnapshotLease | undefined>;
  /** Metadata of the current snapshot, without its body. */
  head(partition: string): Promise<SnapshotMeta | undefined>;
  /** The current snapshot, metadata and body of one version. */
  load(partition: string): Promise<Snapshot | undefined>;
  /** Publishes while `lease` is held; false (nothing changed) when the lease was lost. */
  publish(lease: SnapshotLease, snapshot: Snapshot, ttlMs: number): Promise<boolean>;
  /** Every current snapshot's metadata (operations: `crl status`). */
  list(): Promise<SnapshotMeta[]>;
}
