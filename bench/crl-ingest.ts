/**
 * CRL ingestion at national scale, beside OpenSSL, in the same run:
 *   npx tsx bench/crl-ingest.ts [--sizes 1000000,5000000] [--runs 3] [--openssl-runs 1]
 * For each size: a sandbox CRL (cached in bench/out/, gitignored), then
 *  - ours: read file + verify signature + build the index (ingestCrl), each run in a child
 *    process; wall time of the ingestion, peak RSS of the process, index bytes/entry,
 *    lookup ns/op;
 *  - `openssl crl -inform DER -noout -in FILE`: wall time and peak RSS of the process.
 * OpenSSL's peak RSS is read with /usr/bin/time -v when present, else by polling VmHWM in /proc;
 * ours is the child's own high-water mark (getrusage maxRSS) right after ingestCrl returns, and
 * the "node idle" column is that mark before it started (the runtime's share).
 * Targets: time ≤ 1/3 of OpenSSL's, RSS ≤ 1/4, index ≤ 32 B/entry, lookup ≤ 2 µs.
 * Medians are reported: the machine is shared and noisy.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeCrlFile } from '../src/sandbox/crl-file.js';
import { measure, type Measured } from './crl-measure.js';
import { BENCH_NEXT_UPDATE, BENCH_THIS_UPDATE, benchCa } from './crl-bench-ca.js';
import { bundledChildArgs } from './bundle-child.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
const FORMAT = 1; // bump when writeCrlFile's output changes, to invalidate the cache

export interface CrlIngestFigures {
  readonly entries: number;
  readonly fileBytes: number;
  readonly ours: {
    ingestMs: number;
    peakRssMiB: number;
    /** Peak RSS of the child before ingesting (node + tsx loader + modules). */
    baselineRssMiB: number;
    indexBytesPerEntry: number;
    snapshotBytesPerEntry: number;
    lookupNs: number;
  };
  readonly openssl: { wallMs: number; peakRssMiB: number } | undefined;
  /** ours / openssl. */
  readonly ratios: { time: number; rss: number } | undefined;
}

/** What bench/crl-ingest-child.ts prints. */
interface ChildResult {
  ingestMs: number;
  peakRssKiB: number;
  baselineRssKiB: number;
  indexBytesPerEntry: number;
  snapshotBytesPerEntry: number;
  lookupNs: number;
}

async function ensureCrl(entries: number): Promise<string> {
  mkdirSync(out, { recursive: true });
  const file = join(out, `crl-ingest-${entries}.der`);
  const metaFile = `${file}.json`;
  if (existsSync(file) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { format?: number; bytes?: number };
    if (meta.format === FORMAT && meta.bytes === statSync(file).size) return file;
  }
  console.log(`generating a ${entries.toLocaleString('en')}-entry sandbox CRL (cached in bench/out/)…`);
  const ca = benchCa();
  const { bytes } = await writeCrlFile(file, {
    issuerNameDer: ca.subjectDer,
    issuerPrivateKey: ca.privateKey,
    issuerKeyId: ca.keyId,
    thisUpdate: BENCH_THIS_UPDATE,
    nextUpdate: BENCH_NEXT_UPDATE,
    crlNumber: 1,
    count: entries,
  });
  writeFileSync(metaFile, JSON.stringify({ format: FORMAT, bytes, entries }));
  return file;
}

function childArgs(): Promise<string[]> {
  return bundledChildArgs(join(here, 'crl-ingest-child.ts'), join(out, 'crl-ingest-child.mjs'));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (kib: number): number => kib / 1024;

export async function runCrlIngestBench(
  sizes: readonly number[] = [1_000_000, 5_000_000],
  opts: { runs?: number; opensslRuns?: number; print?: boolean } = {},
): Promise<CrlIngestFigures[]> {
  const runs = opts.runs ?? 3;
  const figures: CrlIngestFigures[] = [];
  const hasOpenssl = await measure('openssl', ['version']).then(
    () => true,
    () => false,
  );
  mkdirSync(out, { recursive: true });
  const child = await childArgs();
  for (const entries of sizes) {
    const file = await ensureCrl(entries);
    const ours: ChildResult[] = [];
    const oursRss: number[] = [];
    for (let r = 0; r < runs; r++) {
      const m = await measure(process.execPath, [...child, file, String(entries)]);
      const j = JSON.parse(m.stdout.trim().split('\n').pop()!) as ChildResult;
      ours.push(j);
      // The child's high-water mark right after ingestCrl returned: the process peak seen by
      // /usr/bin/time would also include the lookup phase that follows.
      oursRss.push(j.peakRssKiB);
    }
    const o = {
      ingestMs: median(ours.map((j) => j.ingestMs)),
      peakRssMiB: mib(median(oursRss)),
      baselineRssMiB: mib(median(ours.map((j) => j.baselineRssKiB))),
      indexBytesPerEntry: ours[0]!.indexBytesPerEntry,
      snapshotBytesPerEntry: ours[0]!.snapshotBytesPerEntry,
      lookupNs: median(ours.map((j) => j.lookupNs)),
    };
    let openssl: CrlIngestFigures['openssl'];
    if (hasOpenssl) {
      const ms: Measured[] = [];
      for (let r = 0; r < (opts.opensslRuns ?? 1); r++)
        ms.push(await measure('openssl', ['crl', '-inform', 'DER', '-noout', '-in', file]));
      openssl = {
        wallMs: median(ms.map((m) => m.wallMs)),
        peakRssMiB: mib(median(ms.map((m) => m.peakRssKiB ?? NaN))),
      };
    }
    figures.push({
      entries,
      fileBytes: statSync(file).size,
      ours: o,
      openssl,
      ratios: openssl ? { time: o.ingestMs / openssl.wallMs, rss: o.peakRssMiB / openssl.peakRssMiB } : undefined,
    });
  }
  if (opts.print !== false) printTable(figures, runs);
  return figures;
}

function printTable(figures: readonly CrlIngestFigures[], runs: number): void {
  const f = (n: number, d = 0): string =>
    n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log(`\nCRL ingestion (median of ${runs} runs for ours; peak RSS = whole process)`);
  console.log(
    'entries     file MiB  ours ms  ours RSS MiB (node idle)  index B/e  snapshot B/e  lookup ns  openssl ms  openssl RSS MiB  time ratio  RSS ratio',
  );
  for (const x of figures) {
    console.log(
      [
        f(x.entries).padStart(9),
        f(x.fileBytes / 2 ** 20, 1).padStart(10),
        f(x.ours.ingestMs).padStart(8),
        `${f(x.ours.peakRssMiB).padStart(13)} (${f(x.ours.baselineRssMiB)})`.padStart(25),
        f(x.ours.indexBytesPerEntry, 1).padStart(10),
        f(x.ours.snapshotBytesPerEntry, 1).padStart(13),
        f(x.ours.lookupNs).padStart(10),
        (x.openssl ? f(x.openssl.wallMs) : 'n/a').padStart(11),
        (x.openssl ? f(x.openssl.peakRssMiB) : 'n/a').padStart(16),
        (x.ratios ? f(x.ratios.time, 3) : 'n/a').padStart(11),
        (x.ratios ? f(x.ratios.rss, 3) : 'n/a').padStart(10),
      ].join(' '),
    );
  }
  console.log('targets: time ratio ≤ 0.333, RSS ratio ≤ 0.25, index ≤ 32 B/entry, lookup ≤ 2000 ns\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const sizes = (arg('--sizes') ?? '1000000,5000000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new TypeError('--sizes: positive integers, comma-separated');
  await runCrlIngestBench(sizes, { runs: Number(arg('--runs') ?? 3), opensslRuns: Number(arg('--openssl-runs') ?? 1) });
}
