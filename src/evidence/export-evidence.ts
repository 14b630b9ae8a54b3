/**
 * The self-contained export of one record (DER as base64): the record, its hash, the archived
 * CRLs it names, and how to re-verify it offline (offline-verification.ts).
 */
import type { Clock } from '../clock.js';
import { offlineVerification, type OfflineVerification } from './offline-verification.js';
import { EVIDENCE_EXPORT_FORMAT, type EvidenceRecord, type EvidenceStore, type StoredEvidence } from './types.js';

export interface EvidenceExport {
  readonly format: typeof EVIDENCE_EXPORT_FORMAT;
  readonly exportedAt: string;
  /** hex SHA-256 of the record's canonical JSON (also in the audit chain's evidence.recorded line). */
  readonly recordSha256: string;
  readonly record: EvidenceRecord;
  readonly crls: readonly { readonly sha256: string; readonly der: string }[];
  readonly verification: OfflineVerification;
}

export async function exportEvidence(
  stored: StoredEvidence,
  store: Pick<EvidenceStore, 'getCrl'>,
  clock: Clock,
): Promise<EvidenceExport> {
  const crls: { sha256: string; der: string }[] = [];
  for (const ref of stored.record.revocation.crls) {
    const der = await store.getCrl(ref.sha256);
    if (der) crls.push({ sha256: ref.sha256, der: Buffer.from(der).toString('base64') });
  }
  return {
    format: EVIDENCE_EXPORT_FORMAT,
    exportedAt: clock.now().toISOString(),
    recordSha256: stored.sha256,
    record: stored.record,
    crls,
    verification: offlineVerification(stored.record, crls.length),
  };
}
