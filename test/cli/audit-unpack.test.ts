/**
 * An exported evidence record re-verified OFFLINE, exactly as README documents it:
 *   jpki-gateway audit unpack --out DIR EXPORT.json   (prints the command)
 *   jpki-gateway verify … signature.p7s                (run in DIR, as printed)
 * for an identity statement (attached), a document kept by the gateway (detached) and a
 * document kept by the bank (the auditor supplies it: the right one passes, another fails);
 * a flipped byte in the exported signature fails; a bad export is a usage error.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CreateSessionRequest } from '../../src/sessions/types.js';
import { DOC, REQUESTS, endedSession, evidenceHarness } from '../evidence/fixtures.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

/** A completed session's export, written where an auditor would receive it. */
async function exported(req: CreateSessionRequest): Promise<{ file: string; id: string; validationTime: string }> {
  const { h, evidence } = await evidenceHarness();
  const { record } = (await evidence.recordSession(await endedSession(h, req)))!;
  const exp = await evidence.export('brokerage', record.id);
  const file = join(mkdtempSync(join(tmpdir(), 'jpki-export-')), `${record.id}.json`);
  writeFileSync(file, JSON.stringify(exp, null, 2));
  return { file, id: record.id, validationTime: record.times.validationTime };
}

/** `audit unpack`, then the printed `jpki-gateway …` line run in the output directory. */
async function unpackAndVerify(file: string, before?: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'jpki-unpacked-'));
  const u = capture();
  expect(await main(['audit', 'unpack', '--out', dir, file], u.io)).toBe(0);
  const line = u.out.find((l) => l.startsWith('  jpki-gateway '))!;
  const argv = line.trim().split(' ').slice(1);
  before?.(dir);
  const v = capture();
  process.chdir(dir);
  const code = await main(argv, v.io);
  process.chdir(cwd);
  return { code, argv, notes: u.out, report: JSON.parse(v.out.join('\n')) as Record<string, unknown>, dir };
}

describe('offline re-verification of an export', () => {
  it('identity session (statement attached): TOTAL_PASSED at the recorded validation time', async () => {
    const { file, validationTime } = await exported(REQUESTS.identity);
    const r = await unpackAndVerify(file);
    expect(r.argv).toEqual([
      'verify',
      '--json',
      '--profile',
      'jpki-signing',
      '--at',
      validationTime,
      '--trust',
      'trust-anchor.der',
      '--crl',
      'crl-1.der',
      'signature.p7s',
    ]);
    expect(r.code).toBe(0);
    expect(r.report).toMatchObject({ indication: 'TOTAL_PASSED', validationTime });
    expect(r.report.revocation).toMatchObject({ status: 'good', source: 'crl' });
    expect(r.notes.join('\n')).toContain('is not a bundled J-LIS root');
  });

  it('signing session with the document kept: detached CMS over content.bin passes', async () => {
    const { file } = await exported(REQUESTS.signingByContent);
    const r = await unpackAndVerify(file);
    expect(r.argv).toContain('--content');
    expect(readFileSync(join(r.dir, 'content.bin'))).toEqual(DOC);
    expect(r.code).toBe(0);
    expect(r.report.indication).toBe('TOTAL_PASSED');
  });

  it('document kept by the bank: the auditor supplies it; the right one passes, another fails', async () => {
    const { file } = await exported(REQUESTS.signingByDigest);
    const ok = await unpackAndVerify(file, (dir) => writeFileSync(join(dir, 'content.bin'), DOC));
    expect(ok.notes.join('\n')).toContain('the signed document was kept by the relying party');
    expect(ok.code).toBe(0);
    const other = await unpackAndVerify(file, (dir) => writeFileSync(join(dir, 'content.bin'), 'another contract'));
    expect(other.code).toBe(1);
    expect(other.report).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
  });

  it('a flipped byte in the exported signature does not verify', async () => {
    const { file } = await exported(REQUESTS.identity);
    const r = await unpackAndVerify(file, (dir) => {
      const p = join(dir, 'signature.p7s');
      const sig = readFileSync(p);
      sig[sig.length - 10]! ^= 0x01;
      writeFileSync(p, sig);
    });
    expect(r.code).not.toBe(0);
    expect(r.report.indication).not.toBe('TOTAL_PASSED');
  });

  it('exit 2 for a file that is not an export, and for missing arguments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jpki-bad-export-'));
    writeFileSync(join(dir, 'x.json'), '{"format":"something else"}');
    const c = capture();
    expect(await main(['audit', 'unpack', '--out', dir, join(dir, 'x.json')], c.io)).toBe(2);
    writeFileSync(join(dir, 'y.json'), 'not json');
    expect(await main(['audit', 'unpack', '--out', dir, join(dir, 'y.json')], c.io)).toBe(2);
    expect(await main(['audit', 'unpack', join(dir, 'x.json')], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('jpki-gateway audit');
  });
});
