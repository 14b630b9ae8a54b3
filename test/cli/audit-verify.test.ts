/**
 * `jpki-gateway audit verify`: exit 0 on intact chains, 1 naming the first broken link, 2 on
 * usage errors. Every line of a real chain (two segments) is tampered with in turn — edited,
 * edited with its own hash recomputed, deleted — and each one is found; the newest line can
 * only be rewritten together with the head the command prints, which is why it prints it.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/chain/canonical-json.js';
import { lineHash, type ChainLine } from '../../src/audit/chain/chain-line.js';
import { createChainedAuditLog } from '../../src/audit/chain/create-chained-audit-log.js';
import { openFsChainSink } from '../../src/audit/chain/fs-chain-sink.js';
import { main } from '../../src/cli/main.js';
import { manualClock } from '../storage/contract/manual-clock.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

async function run(args: string[]) {
  const c = capture();
  const code = await main(['audit', ...args], c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

let pristine: string;
let lines: { segment: string; index: number; text: string }[];
let head: string;

beforeAll(async () => {
  pristine = mkdtempSync(join(tmpdir(), 'jpki-audit-cli-'));
  const clock = manualClock('2026-03-01T00:00:00Z');
  const audit = await createChainedAuditLog({
    sink: await openFsChainSink({ dir: pristine, writer: 'gw-a', maxSegmentBytes: 1200 }),
    clock,
  });
  await audit.append({ type: 'config.loaded', ids: { mode: 'production' } });
  for (let i = 0; i < 8; i++) {
    clock.advance(1000);
    await audit.append({ type: 'api_key.used', ids: { tenantId: 'acme', requestId: `req-${i}`, status: '200' } });
  }
  await audit.append({ type: 'evidence.purged', ids: { tenantId: 'acme', evidenceId: 'evd_x', purgeId: 'prg_1' } });
  head = audit.head()!.hash;
  await audit.close();
  const dir = join(pristine, 'audit', 'gw-a');
  lines = readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()
    .flatMap((segment) =>
      readFileSync(join(dir, segment), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((text, index) => ({ segment, index, text })),
    );
});

/** A copy of the pristine directory with one segment rewritten. */
function tampered(segment: string, edit: (segLines: string[]) => string[], tail = '\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'jpki-audit-t-'));
  cpSync(pristine, dir, { recursive: true });
  const p = join(dir, 'audit', 'gw-a', segment);
  const segLines = readFileSync(p, 'utf8').split('\n').filter(Boolean);
  const edited = edit(segLines);
  writeFileSync(p, edited.length ? `${edited.join('\n')}${tail}` : '');
  return dir;
}

describe('jpki-gateway audit verify', () => {
  it('exit 0 on an intact chain spread over segments; prints the head to anchor', async () => {
    expect(new Set(lines.map((l) => l.segment)).size).toBeGreaterThan(1);
    const r = await run(['verify', '--dir', pristine]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`gw-a: OK, 10 lines, head seq 10 hash ${head}`);
    const j = await run(['verify', '--json', '--dir', join(pristine, 'audit')]);
    expect(JSON.parse(j.out)).toMatchObject({ ok: true, chains: [{ writer: 'gw-a', lines: 10 }] });
  });

  it('finds an edit of EVERY line at that line (hash or canonical form)', async () => {
    for (const l of lines) {
      const dir = tampered(l.segment, (s) =>
        s.map((t, i) => (i === l.index ? t.replace('"time":"2026', '"time":"2027') : t)),
      );
      const r = await run(['verify', '--dir', dir]);
      expect(r.code, `line ${l.segment}:${l.index + 1}`).toBe(1);
      expect(r.out).toContain(`BROKEN at ${l.segment} line ${l.index + 1} `);
      expect(r.out).toMatch(/: hash: hash does not match the line/);
    }
  });

  it('finds an edit with a recomputed line hash at the NEXT line; on the newest line the printed head changes', async () => {
    for (const [k, l] of lines.entries()) {
      const dir = tampered(l.segment, (s) =>
        s.map((t, i) => {
          if (i !== l.index) return t;
          const line = JSON.parse(t) as ChainLine;
          const forged = { ...line, ids: { ...line.ids, tenantId: 'mallory' } };
          return canonicalJson({ ...forged, hash: lineHash(forged) });
        }),
      );
      const r = await run(['verify', '--dir', dir]);
      const next = lines[k + 1];
      if (next) {
        expect(r.code, `line ${k + 1}`).toBe(1);
        expect(r.out).toContain(`BROKEN at ${next.segment} line ${next.index + 1} (expected seq ${k + 2}): prev-hash`);
      } else {
        expect(r.code).toBe(0);
        expect(r.out).not.toContain(head); // the anchored head no longer matches
      }
    }
  });

  it('finds a deleted line wherever it was (seq), and a deleted newest line by its head', async () => {
    for (const [k, l] of lines.entries()) {
      const dir = tampered(l.segment, (s) => s.filter((_t, i) => i !== l.index));
      const r = await run(['verify', '--dir', dir]);
      if (k < lines.length - 1) {
        expect(r.code, `line ${k + 1}`).toBe(1);
        expect(r.out).toMatch(new RegExp(`\\(expected seq ${k + 1}\\): seq: seq ${k + 2}, expected ${k + 1}`));
      } else {
        expect(r.code).toBe(0);
        expect(r.out).toContain(`head seq ${lines.length - 1} `);
      }
    }
  });

  it('finds swapped lines, a torn tail and garbage', async () => {
    const l = lines[1]!;
    const swapped = await run([
      'verify',
      '--dir',
      tampered(l.segment, (s) =>
        s.map((t, i) => (i === l.index ? s[l.index + 1]! : i === l.index + 1 ? s[l.index]! : t)),
      ),
    ]);
    expect(swapped.code).toBe(1);
    expect(swapped.out).toContain('seq: seq 3, expected 2');
    const last = lines.at(-1)!;
    const torn = await run(['verify', '--dir', tampered(last.segment, (s) => [...s, '{"seq'], '')]);
    expect(torn.code).toBe(1);
    expect(torn.out).toContain('torn');
    const garbage = await run(['verify', '--dir', tampered(lines[0]!.segment, (s) => ['not json', ...s])]);
    expect(garbage.out).toContain('line 1 (expected seq 1): malformed: not JSON');
  });

  it('exit 2: no chain under the directory, an unreadable directory, an unknown option', async () => {
    expect((await run(['verify', '--dir', mkdtempSync(join(tmpdir(), 'jpki-empty-'))])).code).toBe(2);
    expect((await run(['verify', '--dir', '/nonexistent/jpki'])).code).toBe(2);
    const bad = await run(['verify', '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('jpki-gateway audit');
    expect((await run([])).code).toBe(2);
    expect((await run(['nope'])).code).toBe(2);
  });
});
