/**
 * bench:revocation — CRL revocation at national scale, beside OpenSSL, in one run:
 *   npm run bench:revocation [-- --entries 5000000] [--runs 3]
 *
 *  1. bench/crl-ingest.ts (runCrlIngestBench): ingestCrl of a 5M-entry sandbox CRL vs
 *     `openssl crl -inform DER -noout` on the same file: time and peak RSS.
 *  2. The gateway's refresh path on that same file: createCrlManager with the drop-directory
 *     source (stat + stream from disk + verify + index + atomic swap), child process per run.
 *  3. With a private redis-server (never 6379): the leader replica's refresh incl. publishing
 *     the snapshot, its bytes in Redis per revoked serial, and a second replica process whose
 *     first lookup loads the snapshot instead of the CRL.
 *  4. Revocation lookup through manager.lookup (certificate → partition → index: DP cache,
 *     freshness, issuer binding, scope, index search) vs the bare CrlIndex.lookup.
 * Targets (issue 4): refresh ≤ 1/3 of OpenSSL's time and ≤ 1/4 of its peak RSS; snapshot
 * ≤ 8 B per serial; second replica ≤ 2 s; lookup ≤ 2 µs.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startRedis } from '../test/support/redis.js';
import { runCrlIngestBench } from './crl-ingest.js';
import { measure } from './crl-measure.js';
import { bundledChildArgs } from './bundle-child.js';

const here = import.meta.dirname;
const out = join(here, 'out');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (n: number, d = 0): string => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
const mib = (kib: number): number => kib / 1024;

function childArgs(): Promise<string[]> {
  return bundledChildArgs(join(here, 'revocation-child.ts'), join(out, 'revocation-child.mjs'));
}

async function child<T>(args: string[]): Promise<T> {
  const m = await measure(process.execPath, args);
  return JSON.parse(m.stdout.trim().split('\n').pop()!) as T;
}

interface Alone {
  refreshMs: number;
  peakRssKiB: number;
  baselineRssKiB: number;
}
interface Leader extends Alone {
  publishMs: number;
  snapshotBytes: number;
  peekNs: number;
  lookupAsyncNs: number;
  rawIndexNs: number;
}
interface Follower {
  readyMs: number;
  snapshotLoadMs: number;
  outcome: string;
  peakRssKiB: number;
}

export async function runRevocationBench(entries: number, runs: number): Promise<void> {
  const [ingest] = await runCrlIngestBench([entries], { runs });
  const file = join(out, `crl-ingest-${entries}.der`);
  const openssl = ingest?.openssl;
  const run = await childArgs();
  // The drop directory the replicas share: the same CRL file at its partition's place.
  const dir = mkdtempSync(join(tmpdir(), 'bench-revocation-'));
  mkdirSync(join(dir, 'signing/tokyo-to'), { recursive: true });
  symlinkSync(file, join(dir, 'signing/tokyo-to/chiyoda-ku.crl'));

  const alone: Alone[] = [];
  for (let r = 0; r < runs; r++) alone.push(await child<Alone>([...run, 'alone', dir, String(entries)]));
  const refreshMs = median(alone.map((a) => a.refreshMs));
  const refreshRss = mib(median(alone.map((a) => a.peakRssKiB)));

  const redis = await startRedis();
  let leader: Leader;
  let follower: Follower;
  try {
    leader = await child<Leader>([...run, 'leader', dir, String(entries), redis.url]);
    follower = await child<Follower>([...run, 'follower', dir, String(entries), redis.url]);
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const ratio = (a: number, b: number | undefined): string => (b ? f(a / b, 3) : 'n/a');
  console.log(
    `\nRevocation (${f(entries)} entries, ${f(statSync(file).size / 2 ** 20, 1)} MiB CRL, median of ${runs} runs)`,
  );
  console.log('figure                                              value        openssl      ratio   target');
  const row = (name: string, v: string, o: string, r: string, t: string): void =>
    console.log(`${name.padEnd(50)}${v.padStart(8)}${o.padStart(13)}${r.padStart(11)}   ${t}`);
  row(
    'refresh: disk + verify + index + swap (ms)',
    f(refreshMs),
    openssl ? f(openssl.wallMs) : 'n/a',
    ratio(refreshMs, openssl?.wallMs),
    '≤ 0.333',
  );
  row(
    'refresh: peak RSS of the process (MiB)',
    f(refreshRss),
    openssl ? f(openssl.peakRssMiB) : 'n/a',
    ratio(refreshRss, openssl?.peakRssMiB),
    '≤ 0.25',
  );
  row('  (node idle RSS before the refresh, MiB)', f(mib(median(alone.map((a) => a.baselineRssKiB)))), '', '', '');
  row('leader refresh incl. Redis publish (ms)', f(leader.refreshMs), '', '', '');
  row('  of which snapshot publish (ms)', f(leader.publishMs), '', '', '');
  row('snapshot in Redis: bytes per revoked serial', f(leader.snapshotBytes / entries, 4), '', '', '≤ 8');
  row('  snapshot total (MiB, chunks + pointer)', f(leader.snapshotBytes / 2 ** 20, 1), '', '', '');
  row('second replica: first lookup via snapshot (ms)', f(follower.readyMs), '', '', '≤ 2000');
  row('  of which snapshot load + verify + decode (ms)', f(follower.snapshotLoadMs), '', '', '');
  row('  second replica peak RSS (MiB)', f(mib(follower.peakRssKiB)), '', '', '');
  row('lookup: manager.peek, sync hot path (ns/op)', f(leader.peekNs), '', '', '≤ 2000');
  row('lookup: await manager.lookup (ns/op)', f(leader.lookupAsyncNs), '', '', '≤ 2000');
  row('lookup: bare CrlIndex.lookup, same probes (ns/op)', f(leader.rawIndexNs), '', '', '');
  row('  manager.peek / bare index', f(leader.peekNs / leader.rawIndexNs, 2), '', '', '');
  console.log(`(second replica refresh outcome: ${follower.outcome}: it loaded the snapshot and read no CRL)\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const entries = Number(arg('--entries') ?? 5_000_000);
  const runs = Number(arg('--runs') ?? 3);
  if (!Number.isInteger(entries) || entries < 1000 || !Number.isInteger(runs) || runs < 1) {
    throw new TypeError('--entries ≥ 1000, --runs ≥ 1');
  }
  await runRevocationBench(entries, runs);
}
