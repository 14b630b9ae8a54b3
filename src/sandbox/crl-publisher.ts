/**
 * The simulated J-LIS CRL publisher: per-municipality partitions (jpki-reference §1), each a
 * CRL whose issuingDistributionPoint names the partition's CRL DP, signed by the sandbox root.
 * crlFor() is the pure part (state in, DER out); startSandboxCrlServer() in
 * crl-publisher-server.ts serves the partitions over HTTP with revocations, growth and faults.
 * Never used on the production verification path.
 */
import type { KeyObject } from 'node:crypto';
import { parseNameDer } from '../pki/name.js';
import { partitionOfName, type CrlPartition } from '../revocation/partitions/partition-of-name.js';
import { REASON_NAMES } from '../revocation/crl/reasons.js';
import { createCrl, type CrlEntryInput } from './crl.js';
import { syntheticReason, syntheticSerial } from './crl-file.js';
import { crlDistributionPointName, type JpkiPurpose } from './jpki-names.js';

/** A municipality partition by its romaji names, as in the certificates' CRL DP. */
export interface SandboxPartitionName {
  readonly purpose?: JpkiPurpose; // default 'signing'
  readonly prefecture: string;
  readonly municipality: string;
}

/** What the CRL of a partition is made of. */
export interface PartitionCrlInput {
  readonly partition: SandboxPartitionName;
  readonly issuer: { readonly subjectDer: Uint8Array; readonly privateKey: KeyObject; readonly keyId: Uint8Array };
  readonly crlNumber: number | bigint;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  /** Explicitly revoked certificates (sandbox cards). */
  readonly entries: readonly CrlEntryInput[];
  /** Synthetic entries (crl-file.ts's serials and reasons); kept small in memory. */
  readonly synthetic?: number;
}

/** Above this many entries crlFor refuses: stream to a file (crl-publisher-file.ts) instead. */
export const IN_MEMORY_CRL_ENTRIES = 200_000;
const SYNTHETIC_SPAN_S = 365 * 86_400;

export function dpNameOf(p: SandboxPartitionName): Uint8Array {
  return crlDistributionPointName(p.purpose ?? 'signing', p.prefecture, p.municipality);
}

/** The gateway's partition (id and slugs) for a sandbox partition. */
export function gatewayPartitionOf(p: SandboxPartitionName): CrlPartition {
  return partitionOfName(parseNameDer(dpNameOf(p)));
}

/**
 * The i-th of `count` synthetic entries: serial and reason as writeCrlFile makes them, revoked
 * over the year before thisUpdate in revocation order (so they depend on count, like there).
 */
export function syntheticEntry(i: number, count: number, thisUpdate: Date): CrlEntryInput {
  const reason = syntheticReason(i);
  const t0 = Math.floor(thisUpdate.getTime() / 1000);
  return {
    serial: syntheticSerial(i),
    revokedAt: new Date((t0 - SYNTHETIC_SPAN_S + Math.floor((i / count) * SYNTHETIC_SPAN_S)) * 1000),
    reason: REASON_NAMES[reason] ?? 'unspecified',
  };
}

export function headerOf(p: PartitionCrlInput) {
  return {
    issuerNameDer: p.issuer.subjectDer,
    issuerPrivateKey: p.issuer.privateKey,
    issuerKeyId: p.issuer.keyId,
    thisUpdate: p.thisUpdate,
    nextUpdate: p.nextUpdate,
    crlNumber: p.crlNumber,
    idpDirectoryNameDer: dpNameOf(p.partition),
  };
}

/** The partition's CRL, signed, in memory (pure: same input, same bytes). */
export function crlFor(p: PartitionCrlInput): Uint8Array {
  const n = p.synthetic ?? 0;
  if (p.entries.length + n > IN_MEMORY_CRL_ENTRIES) {
    throw new TypeError(`crlFor: more than ${IN_MEMORY_CRL_ENTRIES} entries; use writePartitionCrlFile`);
  }
  const synthetic = Array.from({ length: n }, (_, i) => syntheticEntry(i, n, p.thisUpdate));
  return createCrl({ ...headerOf(p), entries: [...p.entries, ...synthetic] });
}
