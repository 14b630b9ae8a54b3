/** In-memory evidence store: sandbox mode (records are demo data) and tests. */
import { createHash } from 'node:crypto';
import { parseStored, serializeStored } from '../record-integrity.js';
import type { EvidenceRef, EvidenceStore, PurgeRecord } from '../types.js';

export interface MemoryEvidenceStore extends EvidenceStore {
  /** Stored texts by id (tests edit them to play an attacker). */
  readonly texts: Map<string, string>;
  readonly purges: readonly PurgeRecord[];
}

export function createMemoryEvidenceStore(): MemoryEvidenceStore {
  const texts = new Map<string, string>();
  const retain = new Map<string, string>();
  const crls = new Map<string, Uint8Array>();
  const purges: PurgeRecord[] = [];
  return {
    texts,
    purges,
    async put(stored) {
      const { id, times } = stored.record;
      if (texts.has(id)) return false;
      texts.set(id, serializeStored(stored));
      retain.set(id, times.retainUntil);
      return true;
    },
    async get(id) {
      const text = texts.get(id);
      return text === undefined ? undefined : parseStored(text, id);
    },
    async due(before, limit) {
      const cutoff = before.toISOString();
      const refs: EvidenceRef[] = [...retain]
        .filter(([, r]) => r <= cutoff)
        .map(([id, retainUntil]) => ({ id, retainUntil }))
        .sort((a, b) => a.retainUntil.localeCompare(b.retainUntil) || a.id.localeCompare(b.id));
      return refs.slice(0, limit);
    },
    async remove(ref) {
      retain.delete(ref.id);
      return texts.delete(ref.id);
    },
    async putCrl(der) {
      const sha256 = createHash('sha256').update(der).digest('hex');
      if (!crls.has(sha256)) crls.set(sha256, new Uint8Array(der));
      return sha256;
    },
    getCrl: async (sha256) => crls.get(sha256),
    async putPurgeRecord(p) {
      purges.push(p);
    },
  };
}
