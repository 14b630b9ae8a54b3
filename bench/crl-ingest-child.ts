/**
 * One measured CRL ingestion, in its own process so that its peak RSS is its own:
 * `node --import tsx bench/crl-ingest-child.ts FILE COUNT` → one JSON line on stdout.
 */
import { fixedClock } from '../src/clock.js';
import { ingestCrl } from '../src/revocation/crl/index.js';
import { syntheticSerial } from '../src/sandbox/crl-file.js';
import { BENCH_AT, benchCa } from './crl-bench-ca.js';

const [file, countArg] = process.argv.slice(2);
if (!file || !countArg) throw new TypeError('usage: crl-ingest-child.ts FILE COUNT');
const count = Number(countArg);
const ca = benchCa();
const baselineRssKiB = process.resourceUsage().maxRSS;

const t0 = performance.now();
const crl = await ingestCrl(file, { issuers: [ca], clock: fixedClock(BENCH_AT) });
const ingestMs = performance.now() - t0;
const peakRssKiB = process.resourceUsage().maxRSS;
if (crl.index.size !== count) throw new Error(`indexed ${crl.index.size} entries, expected ${count}`);

// Lookups through the public path (DER serial octets): 65,536 distinct probes, half present
// serials at random positions, half random values across the same range (mostly absent), so
// that the measure is not flattered by a handful of cache-hot search paths.
const P = 1 << 16;
const probes: Uint8Array[] = [];
let seed = 0x2545f491;
const rand = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
for (let i = 0; i < P; i++) {
  const s = i % 2 ? syntheticSerial(rand() % count) : 0x40000000 + (rand() & 0x3fffffff);
  probes.push(Uint8Array.of(s >>> 24, (s >>> 16) & 255, (s >>> 8) & 255, s & 255));
}
let expected = 0;
for (let i = 0; i < P; i++) expected += crl.index.lookup(probes[i]!).revoked ? 1 : 0; // warm-up
const N = 1 << 20;
let hits = 0;
const t1 = performance.now();
for (let i = 0; i < N; i++) hits += crl.index.lookup(probes[i & (P - 1)]!).revoked ? 1 : 0;
const lookupNs = ((performance.now() - t1) * 1e6) / N;
if (hits !== expected * (N / P) || expected < P / 2)
  throw new Error(`lookup hits ${hits}, expected ${expected * (N / P)}`);

process.stdout.write(
  `${JSON.stringify({
    ingestMs,
    peakRssKiB,
    baselineRssKiB,
    indexBytesPerEntry: crl.index.byteLength / crl.index.size,
    snapshotBytesPerEntry: crl.index.serialize().length / crl.index.size,
    lookupNs,
  })}\n`,
);
