/**
 * The filesystem evidence sink over a real temporary directory: durable create-only writes
 * (0600, no temporary files left, an existing record never replaced), integrity on read,
 * the retention index by month, CRLs archived once, deletion records.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFsEvidenceStore } from '../../src/evidence/fs/fs-evidence-store.js';
import { sealRecord } from '../../src/evidence/record-integrity.js';
import type { EvidenceRecord } from '../../src/evidence/types.js';
import { codeOf } from '../sessions/fixtures.js';
import { REQUESTS, endedSession, evidenceHarness } from './fixtures.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'jpki-evidence-'));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)).map((p) => `${e.name}/${p}`) : [e.name],
  );
}

async function aRecord(dir: string): Promise<EvidenceRecord> {
  const { h, evidence } = await evidenceHarness({ store: createFsEvidenceStore(dir) });
  return (await evidence.recordSession(await endedSession(h, REQUESTS.identity)))!.record;
}

describe('fs evidence store', () => {
  it('writes records/<xx>/<id>.json (0600), its retention marker and the CRL; nothing temporary left', async () => {
    const dir = tmp();
    const record = await aRecord(dir);
    const files = walk(dir).sort();
    const shard = record.id.slice(4, 6);
    expect(files).toEqual(
      [
        `crls/${record.revocation.crls[0]!.sha256}.der`,
        `records/${shard}/${record.id}.json`,
        `retention/${record.times.retainUntil.slice(0, 7)}/${record.id}`,
      ].sort(),
    );
    expect(statSync(join(dir, 'records', shard, `${record.id}.json`)).mode & 0o777).toBe(0o600);
    const store = createFsEvidenceStore(dir);
    expect((await store.get(record.id))!.record).toEqual(record);
  });

  it('never replaces a record: a second put of the same id is refused and changes nothing', async () => {
    const dir = tmp();
    const record = await aRecord(dir);
    const store = createFsEvidenceStore(dir);
    const path = join(dir, 'records', record.id.slice(4, 6), `${record.id}.json`);
    const before = readFileSync(path, 'utf8');
    expect(await store.put(sealRecord({ ...record, reference: 'forged' }))).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(walk(dir).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('an edited file is ERR_EVIDENCE_INTEGRITY; a file for another id too', async () => {
    const dir = tmp();
    const record = await aRecord(dir);
    const store = createFsEvidenceStore(dir);
    const path = join(dir, 'records', record.id.slice(4, 6), `${record.id}.json`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('証券口座の開設', '証券口座の解約'));
    expect(await codeOf(store.get(record.id))).toBe('ERR_EVIDENCE_INTEGRITY');
    writeFileSync(path, 'garbage');
    expect(await codeOf(store.get(record.id))).toBe('ERR_EVIDENCE_INTEGRITY');
    expect(await store.get('evd_notAnIdAtAll')).toBeUndefined();
  });

  it('due() lists by retention month, oldest first; remove() deletes record and marker', async () => {
    const dir = tmp();
    const record = await aRecord(dir);
    const store = createFsEvidenceStore(dir);
    const until = new Date(record.times.retainUntil);
    expect(await store.due(new Date(until.getTime() - 1), 10)).toEqual([]);
    expect(await store.due(until, 10)).toEqual([{ id: record.id, retainUntil: record.times.retainUntil }]);
    expect(await store.remove({ id: record.id, retainUntil: record.times.retainUntil })).toBe(true);
    expect(await store.get(record.id)).toBeUndefined();
    expect(await store.due(until, 10)).toEqual([]);
    expect(await store.remove({ id: record.id, retainUntil: record.times.retainUntil })).toBe(false);
  });

  it('archives a CRL once by SHA-256', async () => {
    const store = createFsEvidenceStore(tmp());
    const der = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]);
    const a = await store.putCrl(der);
    expect(await store.putCrl(der)).toBe(a);
    expect(await store.getCrl(a)).toEqual(der);
    expect(await store.getCrl('0'.repeat(64))).toBeUndefined();
    expect(await store.getCrl('../x')).toBeUndefined();
  });

  it('a sink that cannot write is a store outage (fail closed), not a silent loss', async () => {
    const file = join(tmp(), 'not-a-dir');
    writeFileSync(file, '');
    const store = createFsEvidenceStore(file);
    await expect(store.putCrl(new Uint8Array([1]))).rejects.toMatchObject({ name: 'StoreUnavailableError' });
  });
});
