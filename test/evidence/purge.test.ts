/**
 * Retention and purge with an injected clock: nothing before 7 calendar years (default) or the
 * configured retention, then the record is deleted with a deletion record (ids, times, hashes)
 * written first and one evidence.purged audit line each; a tampered record is purged too.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFsEvidenceStore } from '../../src/evidence/fs/fs-evidence-store.js';
import type { MemoryEvidenceStore } from '../../src/evidence/memory/memory-evidence-store.js';
import { codeOf } from '../sessions/fixtures.js';
import { REQUESTS, chainTypes, endedSession, evidenceHarness } from './fixtures.js';

const YEAR_MS = 365 * 86_400_000;

describe('evidence purge', () => {
  it('keeps a record 7 years by default, then deletes it with a deletion record and an audit line', async () => {
    const { h, evidence, store, sink } = await evidenceHarness();
    const { record, sha256 } = (await evidence.recordSession(await endedSession(h, REQUESTS.identity)))!;
    const until = Date.parse(record.times.retainUntil);
    h.clock.advance(until - h.clock.now().getTime() - 1);
    expect(await evidence.purgeExpired()).toEqual([]);
    expect((await evidence.get('brokerage', record.id)).record.id).toBe(record.id);
    h.clock.advance(1);
    const purges = await evidence.purgeExpired();
    expect(purges).toHaveLength(1);
    expect(purges[0]).toMatchObject({
      format: 'jpki-gateway/evidence-purge/v1',
      purgedAt: new Date(until).toISOString(),
      records: [
        {
          id: record.id,
          tenantId: 'brokerage',
          sessionId: record.sessionId,
          recordedAt: record.times.recordedAt,
          retainUntil: record.times.retainUntil,
          sha256,
        },
      ],
    });
    expect((store as MemoryEvidenceStore).purges).toEqual(purges);
    expect(await codeOf(evidence.get('brokerage', record.id))).toBe('ERR_EVIDENCE_NOT_FOUND');
    expect(chainTypes(sink)).toEqual(['evidence.recorded', 'evidence.read', 'evidence.purged']);
    expect(sink.text).toContain(`"purgeId":"${purges[0]!.id}"`);
    expect(JSON.stringify(purges)).not.toContain('試験'); // ids only, no personal data
    expect(await evidence.purgeExpired()).toEqual([]);
  });

  it('honours a configured retention (1 year) and purges a tampered record as well, on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jpki-purge-'));
    const { h, evidence } = await evidenceHarness({ store: createFsEvidenceStore(dir), retentionYears: 1 });
    const { record } = (await evidence.recordSession(await endedSession(h, REQUESTS.signingByContent)))!;
    expect(record.times.retainUntil.slice(0, 4)).toBe(String(Number(record.times.recordedAt.slice(0, 4)) + 1));
    const path = join(dir, 'records', record.id.slice(4, 6), `${record.id}.json`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, readFileSync(path, 'utf8').replace('loan.pdf', 'lost.pdf'));
    h.clock.advance(YEAR_MS + 86_400_000);
    const [purge] = await evidence.purgeExpired();
    expect(purge!.records).toEqual([expect.objectContaining({ id: record.id, sha256: 'unreadable' })]);
    expect(readdirSync(join(dir, 'records', record.id.slice(4, 6)))).toEqual([]);
    const [file] = readdirSync(join(dir, 'purges'));
    expect(JSON.parse(readFileSync(join(dir, 'purges', file!), 'utf8'))).toEqual(purge);
  });
});
