/**
 * Filesystem evidence sink (GATEWAY_EVIDENCE_DIR). Layout:
 *   records/<2 chars of the id>/<id>.json   canonical JSON { record, sha256 }, mode 0600
 *   retention/<YYYY-MM>/<id>                 the record's retainUntil: the purge's index by month
 *   crls/<sha256>.der                         CRLs the records name, archived once
 *   purges/<purgedAt>-<id>.json               deletion records (ids only)
 *   audit/<writer>/<seq>.jsonl                the hash-chained audit log (src/audit/chain)
 * Every write is atomic and durable (atomic-file.ts); ids are checked against their formats
 * before they become paths, so nothing can traverse out of the directory.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isStoreUnavailable, StoreUnavailableError } from '../../storage/store-unavailable.js';
import { isGatewayError } from '../../errors.js';
import { parseStored, serializeStored } from '../record-integrity.js';
import { EVIDENCE_ID, type EvidenceRef, type EvidenceStore, type PurgeRecord, type StoredEvidence } from '../types.js';
import { createFileDurably, removeFileDurably, replaceFileDurably } from './atomic-file.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const MONTH = /^\d{4}-\d{2}$/;

function checkId(id: string): string {
  if (!EVIDENCE_ID.test(id)) throw new TypeError('evidence id has the wrong format');
  return id;
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Filesystem failures (full disk, permissions) are a store outage: callers fail closed. */
async function guard<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof TypeError || isGatewayError(e) || isStoreUnavailable(e)) throw e;
    throw new StoreUnavailableError('evidence', operation, { cause: e });
  }
}

export function createFsEvidenceStore(dir: string): EvidenceStore {
  const recordPath = (id: string): string => join(dir, 'records', checkId(id).slice(4, 6), `${id}.json`);
  const markerPath = (ref: EvidenceRef): string => join(dir, 'retention', ref.retainUntil.slice(0, 7), checkId(ref.id));
  const crlPath = (sha256: string): string => {
    if (!SHA256_HEX.test(sha256)) throw new TypeError('CRL hash has the wrong format');
    return join(dir, 'crls', `${sha256}.der`);
  };

  return {
    put: (stored: StoredEvidence) =>
      guard('put', async () => {
        const { id, times } = stored.record;
        // The marker first: a record without its marker would never be purged.
        await replaceFileDurably(markerPath({ id, retainUntil: times.retainUntil }), times.retainUntil);
        return createFileDurably(recordPath(id), serializeStored(stored));
      }),

    get: (id) =>
      guard('get', async () => {
        if (!EVIDENCE_ID.test(id)) return undefined;
        const buf = await readOptional(recordPath(id));
        return buf ? parseStored(buf.toString('utf8'), id) : undefined;
      }),

    due: (before, limit) =>
      guard('due', async () => {
        const cutoff = before.toISOString();
        const months = ((await readdir(join(dir, 'retention')).catch(() => [])) as string[])
          .filter((m) => MONTH.test(m) && m <= cutoff.slice(0, 7))
          .sort();
        const out: EvidenceRef[] = [];
        for (const m of months) {
          const refs: EvidenceRef[] = [];
          for (const id of await readdir(join(dir, 'retention', m))) {
            if (!EVIDENCE_ID.test(id)) continue;
            const retainUntil = (await readOptional(join(dir, 'retention', m, id)))?.toString('utf8') ?? '';
            if (retainUntil && retainUntil <= cutoff) refs.push({ id, retainUntil });
          }
          refs.sort((a, b) => a.retainUntil.localeCompare(b.retainUntil) || a.id.localeCompare(b.id));
          out.push(...refs.slice(0, limit - out.length));
          if (out.length >= limit) break;
        }
        return out;
      }),

    remove: (ref) =>
      guard('remove', async () => {
        const removed = await removeFileDurably(recordPath(ref.id));
        await removeFileDurably(markerPath(ref));
        return removed;
      }),

    putCrl: (der) =>
      guard('putCrl', async () => {
        const sha256 = createHash('sha256').update(der).digest('hex');
        await createFileDurably(crlPath(sha256), der);
        return sha256;
      }),

    getCrl: (sha256) =>
      guard('getCrl', async () => {
        if (!SHA256_HEX.test(sha256)) return undefined;
        const buf = await readOptional(crlPath(sha256));
        return buf ? new Uint8Array(buf) : undefined;
      }),

    putPurgeRecord: (p: PurgeRecord) =>
      guard('putPurgeRecord', async () => {
        const name = `${p.purgedAt.replace(/[:.]/g, '-')}-${p.id}.json`;
        await createFileDurably(join(dir, 'purges', name), `${JSON.stringify(p, null, 2)}\n`);
      }),
  };
}
