/**
 * The filesystem chain sink over a real temporary directory: segments and their rotation, a
 * chain that resumes across restarts, a torn (unacknowledged) tail cut before appending, and
 * the writer lock (a live holder refuses, a dead one of this host is taken over).
 */
import { mkdtempSync, readFileSync, readdirSync, appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChainedAuditLog } from '../../src/audit/chain/create-chained-audit-log.js';
import { openFsChainSink } from '../../src/audit/chain/fs-chain-sink.js';
import { readChains } from '../../src/audit/chain/read-chains.js';
import { verifyChain } from '../../src/audit/chain/verify-chain.js';
import { manualClock } from '../storage/contract/manual-clock.js';

const clock = manualClock('2026-03-01T00:00:00Z');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'jpki-audit-'));

async function openLog(dir: string, writer = 'gw-a', extra: { maxSegmentBytes?: number; pid?: number } = {}) {
  return createChainedAuditLog({ sink: await openFsChainSink({ dir, writer, ...extra }), clock });
}

describe('fs chain sink', () => {
  it('appends durably to audit/<writer>/000000000001.jsonl and resumes the chain after a restart', async () => {
    const dir = tmp();
    const a = await openLog(dir);
    for (let i = 0; i < 5; i++) await a.append({ type: 'api_key.used', ids: { requestId: `r${i}` } });
    await a.close();
    expect(readdirSync(join(dir, 'audit', 'gw-a')).sort()).toEqual(['000000000001.jsonl']);
    const b = await openLog(dir);
    expect(b.head()?.seq).toBe(5);
    expect((await b.append({ type: 'config.loaded', ids: {} })).seq).toBe(6);
    await b.close();
    const [chain] = await readChains(dir);
    expect(verifyChain(chain!.segments)).toMatchObject({ ok: true, lines: 6 });
  });

  it('rotates segments; the next segment links to the previous one and the chain verifies across them', async () => {
    const dir = tmp();
    const a = await openLog(dir, 'gw-a', { maxSegmentBytes: 600 });
    for (let i = 0; i < 12; i++) await a.append({ type: 'api_key.used', ids: { requestId: `r${i}` } });
    await a.close();
    const names = readdirSync(join(dir, 'audit', 'gw-a')).filter((n) => n.endsWith('.jsonl'));
    expect(names.length).toBeGreaterThan(2);
    const chains = await readChains(join(dir, 'audit'));
    expect(verifyChain(chains[0]!.segments)).toMatchObject({ ok: true, lines: 12 });
  });

  it('cuts a torn final line (never acknowledged) before appending again', async () => {
    const dir = tmp();
    const a = await openLog(dir);
    await a.append({ type: 'config.loaded', ids: {} });
    await a.close();
    const seg = join(dir, 'audit', 'gw-a', '000000000001.jsonl');
    appendFileSync(seg, '{"hash":"ab'); // a crash in the middle of a write
    const b = await openLog(dir);
    await b.append({ type: 'config.loaded', ids: {} });
    await b.close();
    expect(readFileSync(seg, 'utf8').split('\n')).toHaveLength(3);
    const [chain] = await readChains(dir);
    expect(verifyChain(chain!.segments)).toMatchObject({ ok: true, lines: 2 });
  });

  it('one process per writer: a live holder refuses, a dead holder on this host is taken over', async () => {
    const dir = tmp();
    const a = await openLog(dir);
    await expect(openFsChainSink({ dir, writer: 'gw-a' })).rejects.toThrow(/held by/);
    await a.close();
    writeFileSync(join(dir, 'audit', 'gw-a', '.lock'), `${(await import('node:os')).hostname()} 999999999`);
    const b = await openFsChainSink({ dir, writer: 'gw-a', isAlive: () => false });
    await b.close();
    await expect(openFsChainSink({ dir, writer: '../escape' })).rejects.toThrow(TypeError);
  });
});
