/** Public surface of CRL refresh, partitions, sources, shared snapshots and events. */
export { createCrlManager, CRL_MANAGER_DEFAULTS } from './create-crl-manager.js';
export type * from './types.js';
export type { CrlWatermark } from '../partitions/loaded-crl.js';
export { partitionOfName, parsePartitionId, type CrlPartition } from '../partitions/partition-of-name.js';
export { compileCrlTemplate, type CrlTemplate } from '../partitions/compile-crl-template.js';
export { createDirectorySource } from '../sources/create-directory-source.js';
export { createHttpSource, DEFAULT_CRL_FETCH_TIMEOUT_MS } from '../sources/create-http-source.js';
export {
  DEFAULT_CRL_FILE_TEMPLATE,
  DEFAULT_MAX_CRL_SOURCE_BYTES,
  type CrlSource,
  type CrlFetch,
  type CrlValidators,
} from '../sources/types.js';
export { createMemorySnapshots } from '../shared/create-memory-snapshots.js';
export type { SharedSnapshots, Snapshot, SnapshotMeta, SnapshotLease } from '../shared/types.js';
export type { CrlEvent, CrlRevocationsEvent, RevokedSerial } from '../events/types.js';
