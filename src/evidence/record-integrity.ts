/**
 * The stored form of a record: canonical JSON `{ record, sha256 }` where sha256 is the hex
 * SHA-256 of the record's canonical JSON. Reading recomputes it, so an edited file is refused
 * (ERR_EVIDENCE_INTEGRITY) instead of served; the same hash is in the audit chain's
 * evidence.recorded line, so replacing both is needed to forge one — and breaks the chain.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/chain/canonical-json.js';
import { GatewayError } from '../errors.js';
import { EVIDENCE_FORMAT, type EvidenceRecord, type StoredEvidence } from './types.js';

export function recordSha256(record: EvidenceRecord): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}

export function sealRecord(record: EvidenceRecord): StoredEvidence {
  return { record, sha256: recordSha256(record) };
}

export function serializeStored(stored: StoredEvidence): string {
  return `${canonicalJson(stored)}\n`;
}

/** Parses a stored text; throws ERR_EVIDENCE_INTEGRITY for anything but an intact record. */
export function parseStored(text: string, id: string): StoredEvidence {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new GatewayError('ERR_EVIDENCE_INTEGRITY', `${id}: not JSON`);
  }
  const s = parsed as Partial<StoredEvidence> | null;
  if (!s || typeof s !== 'object' || typeof s.sha256 !== 'string' || typeof s.record !== 'object' || !s.record)
    throw new GatewayError('ERR_EVIDENCE_INTEGRITY', `${id}: not a stored record`);
  if (s.record.format !== EVIDENCE_FORMAT || s.record.id !== id)
    throw new GatewayError('ERR_EVIDENCE_INTEGRITY', `${id}: format or id differs`);
  if (recordSha256(s.record) !== s.sha256) throw new GatewayError('ERR_EVIDENCE_INTEGRITY', `${id}: hash differs`);
  return { record: s.record, sha256: s.sha256 };
}
