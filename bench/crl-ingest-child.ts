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

// Lookups through the public path (DER serial octets), half hits and half misses.
const N = 1 << 20;
const probes: Uint8Array[] = [];
for (let i = 0; i < 4096; i++) {
  const s = i % 2 ? syntheticSerial((i * 7919) % count) : 0x20000000 + i * 4099;
  probes.push(Uint8Array.of(s >>> 24, (s >>> 16) & 255, (s >>> 8) & 255, s & 255));
}
let hits = 0;
for (let i = 0; i < 100_000; i++) hits += crl.index.lookup(probes[i & 4095]!).revoked ? 1 : 0; // warm-up
hits = 0;
const t1 = performance.now();
for (let i = 0; i < N; i++) hits += crl.index.lookup(probes[i & 4095]!).revoked ? 1 : 0;
const lookupNs = ((performance.now() - t1) * 1e6) / N;
if (hits !== N / 2) throw new Error(`lookup hits ${hits}, expected ${N / 2}`);

process.stdout.write(`${JSON.stringify({
  ingestMs,
  peakRssKiB,
  baselineRssKiB,
  indexBytesPerEntry: crl.index.byteLength / crl.index.size,
  snapshotBytesPerEntry: crl.index.serialize().length / crl.index.size,
  lookupNs,
})}\n`);
