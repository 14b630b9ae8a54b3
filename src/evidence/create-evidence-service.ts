/**
 * The evidence verbs bound to their dependencies: record a completed session, read a record
 * (owner tenant only; another tenant's id is simply not found), export it for offline
 * verification, purge what is past retention. Every write, read, export and purge is a
 * chained audit event carrying ids only.
 */
import type { SecurityEvent } from '../audit/chain/security-event.js';
import type { Clock } from '../clock.js';
import { GatewayError } from '../errors.js';
import type { SessionRecord } from '../sessions/types.js';
import { buildEvidenceRecord } from './build-evidence-record.js';
import type { CaCertificateBook } from './ca-certificates.js';
import type { CrlMaterial } from './crl-material.js';
import { exportEvidence, type EvidenceExport } from './export-evidence.js';
import { purgeExpired } from './purge-expired.js';
import { sealRecord } from './record-integrity.js';
import { DEFAULT_RETENTION_YEARS } from './retention.js';
import { EVIDENCE_ID, type EvidenceStore, type PurgeRecord, type StoredEvidence } from './types.js';

export interface EvidenceServiceOptions {
  readonly store: EvidenceStore;
  readonly clock: Clock;
  readonly caCertificates: CaCertificateBook;
  readonly crlMaterial?: CrlMaterial;
  /** Default 7 (犯収法). */
  readonly retentionYears?: number;
  readonly audit?: { append(event: SecurityEvent): Promise<unknown> };
}

export interface EvidenceService {
  /** Writes the record of a completed session (idempotent); undefined when there is none to keep. */
  recordSession(session: SessionRecord): Promise<StoredEvidence | undefined>;
  /** Throws ERR_EVIDENCE_NOT_FOUND (also for another tenant's id), ERR_EVIDENCE_INTEGRITY. */
  get(tenantId: string, id: string): Promise<StoredEvidence>;
  export(tenantId: string, id: string): Promise<EvidenceExport>;
  purgeExpired(): Promise<PurgeRecord[]>;
}

export function createEvidenceService(o: EvidenceServiceOptions): EvidenceService {
  const retentionYears = o.retentionYears ?? DEFAULT_RETENTION_YEARS;
  const audit = async (e: SecurityEvent): Promise<void> => {
    await o.audit?.append(e);
  };
  const owned = async (tenantId: string, id: string): Promise<StoredEvidence> => {
    const stored = EVIDENCE_ID.test(id) ? await o.store.get(id) : undefined;
    if (!stored || stored.record.tenantId !== tenantId) throw new GatewayError('ERR_EVIDENCE_NOT_FOUND');
    return stored;
  };
  return Object.freeze({
    async recordSession(session: SessionRecord) {
      const record = await buildEvidenceRecord(
        {
          clock: o.clock,
          retentionYears,
          caCertificates: o.caCertificates,
          crlMaterial: o.crlMaterial,
          store: o.store,
        },
        session,
      );
      if (!record) return undefined;
      const stored = sealRecord(record);
      if (!(await o.store.put(stored))) return o.store.get(record.id);
      await audit({
        type: 'evidence.recorded',
        ids: { tenantId: record.tenantId, sessionId: record.sessionId, evidenceId: record.id, sha256: stored.sha256 },
      });
      return stored;
    },
    async get(tenantId: string, id: string) {
      const stored = await owned(tenantId, id);
      await audit({ type: 'evidence.read', ids: { tenantId, evidenceId: id } });
      return stored;
    },
    async export(tenantId: string, id: string) {
      const stored = await owned(tenantId, id);
      await audit({ type: 'evidence.exported', ids: { tenantId, evidenceId: id } });
      return exportEvidence(stored, o.store, o.clock);
    },
    purgeExpired: () => purgeExpired({ store: o.store, clock: o.clock, audit: o.audit }),
  });
}
