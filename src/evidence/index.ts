// Evidence records (犯収法 確認記録): port, filesystem and memory adapters, export, purge.
export { createCaCertificateBook, type CaCertificateBook } from './ca-certificates.js';
export { buildEvidenceRecord, type BuildEvidenceDeps } from './build-evidence-record.js';
export { createCrlListMaterial, type CrlMaterial, type CrlMaterialQuery } from './crl-material.js';
export { createSourceCrlMaterial, type SourceCrlMaterialOptions } from './source-crl-material.js';
export { createEvidenceService, type EvidenceService, type EvidenceServiceOptions } from './create-evidence-service.js';
export { exportEvidence, type EvidenceExport } from './export-evidence.js';
export { createFsEvidenceStore } from './fs/fs-evidence-store.js';
export { createMemoryEvidenceStore, type MemoryEvidenceStore } from './memory/memory-evidence-store.js';
export { offlineVerification, type OfflineVerification } from './offline-verification.js';
export { peekCrlHeader, type CrlHeader } from './peek-crl-header.js';
export { purgeExpired, type PurgeDeps } from './purge-expired.js';
export { parseStored, recordSha256, sealRecord } from './record-integrity.js';
export { DEFAULT_RETENTION_YEARS, retainUntil } from './retention.js';
export * from './types.js';
