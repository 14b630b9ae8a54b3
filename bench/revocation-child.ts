/**
 * One measured replica for bench/revocation.ts, in its own process so that its peak RSS is its
 * own. Prints one JSON line. Modes:
 *   alone    DIR COUNT            fetch-from-disk + verify + index through createCrlManager
 *                                 (drop-directory source, no sharing)
 *   leader   DIR COUNT REDIS      the same with Redis sharing (publishes the snapshot), then
 *                                 lookups through the manager vs the bare index
 *   follower DIR COUNT REDIS      a second replica (same drop directory, as replicas sharing a
 *                                 volume have): its first lookup loads the snapshot from Redis
 * DIR holds the benchmark CRL at signing/tokyo-to/chiyoda-ku.crl (bench/revocation.ts makes it).
 */
import { fixedClock } from '../src/clock.js';
import { parseCertificate, type Certificate } from '../src/pki/certificate.js';
import { CrlIndex } from '../src/revocation/crl/index.js';
import { createCrlManager } from '../src/revocation/manager/create-crl-manager.js';
import type { CrlManagerOptions } from '../src/revocation/manager/types.js';
import { createDirectorySource } from '../src/revocation/sources/create-directory-source.js';
import { buildCertificate } from '../src/sandbox/certificate-builder.js';
import { syntheticSerial } from '../src/sandbox/crl-file.js';
import {
  basicConstraints,
  crlDistributionPointDirName,
  keyUsage,
  subjectKeyIdentifier,
} from '../src/sandbox/extensions.js';
import { crlDistributionPointName } from '../src/sandbox/jpki-names.js';
import { BENCH_AT, benchCa } from './crl-bench-ca.js';

const [mode, dir, countArg, redisUrl] = process.argv.slice(2);
if (!mode || !dir || !countArg) throw new TypeError('usage: revocation-child.ts MODE DIR COUNT [REDIS_URL]');
const count = Number(countArg);
const PARTITION = 'signing/tokyo-to/chiyoda-ku';
const ca = benchCa();
const caCert = parseCertificate(
  buildCertificate({
    serial: 1n,
    issuerName: ca.subjectDer,
    subjectName: ca.subjectDer,
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
    subjectPublicKey: ca.publicKey,
    issuerPrivateKey: ca.privateKey,
    extensions: [
      { oid: '2.5.29.19', critical: true, value: basicConstraints(true) },
      { oid: '2.5.29.15', critical: true, value: keyUsage(['keyCertSign', 'cRLSign']) },
      { oid: '2.5.29.14', critical: false, value: subjectKeyIdentifier(ca.keyId!) },
    ],
  }).der,
);

let publishMs: number | undefined;
let snapshotLoadMs: number | undefined;
const baselineRssKiB = process.resourceUsage().maxRSS;

async function manager(extra: Partial<CrlManagerOptions>) {
  return createCrlManager({
    clock: fixedClock(BENCH_AT),
    sources: [createDirectorySource({ dir: dir! })],
    issuers: [caCert],
    schedule: false,
    leaseMs: 120_000,
    metrics: {
      snapshot: (_, outcome, ms) => {
        if (outcome === 'published') publishMs = ms;
        if (outcome === 'loaded') snapshotLoadMs = ms;
      },
    },
    ...extra,
  });
}

async function shared() {
  const { connectRedis } = await import('../src/storage/redis/create-redis.js');
  const { createRedisSnapshots } = await import('../src/revocation/shared/create-redis-snapshots.js');
  const redis = await connectRedis({ url: redisUrl!, keyPrefix: 'bench:', commandTimeoutMs: 10_000 });
  return { redis, shared: createRedisSnapshots({ redis }) };
}

/** Certificates of the partition: half revoked serials at random positions, half not. */
function certificates(n = 1024): Certificate[] {
  const dp = crlDistributionPointDirName(crlDistributionPointName('signing', 'Tokyo-to', 'Chiyoda-ku'));
  let seed = 0x2545f491;
  const rand = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  return Array.from({ length: n }, (_, i) => {
    const s = i % 2 ? syntheticSerial(rand() % count) : 0x01000000 + (rand() % 0x3f000000);
    return parseCertificate(
      buildCertificate({
        serial: BigInt(s),
        issuerName: ca.subjectDer,
        subjectName: ca.subjectDer,
        notBefore: new Date('2025-01-01T00:00:00Z'),
        notAfter: new Date('2030-01-01T00:00:00Z'),
        subjectPublicKey: ca.publicKey,
        issuerPrivateKey: ca.privateKey,
        extensions: [{ oid: '2.5.29.31', critical: false, value: dp }],
      }).der,
    );
  });
}

const nsPerOp = (n: number, ms: number): number => (ms * 1e6) / n;

if (mode === 'alone') {
  const m = await manager({});
  const t0 = performance.now();
  await m.start();
  const refreshMs = performance.now() - t0;
  const peakRssKiB = process.resourceUsage().maxRSS;
  const st = m.status().partitions[0]!;
  if (st.entries !== count || st.state !== 'fresh') throw new Error(`loaded ${JSON.stringify(st)}`);
  process.stdout.write(`${JSON.stringify({ refreshMs, peakRssKiB, baselineRssKiB })}\n`);
} else if (mode === 'leader') {
  const { redis, shared: s } = await shared();
  const m = await manager({ shared: s });
  const t0 = performance.now();
  await m.start();
  const refreshMs = performance.now() - t0;
  const peakRssKiB = process.resourceUsage().maxRSS;
  // Snapshot bytes in Redis: every chunk plus the pointer (what a replica downloads).
  let bytes = 0;
  for (const k of await redis.keys('bench:crl:*')) bytes += await redis.strlen(k.slice('bench:'.length));
  const snap = await s.load(PARTITION);
  const index = CrlIndex.deserialize(snap!.body);
  const certs = certificates();
  // Rounds interleave the three variants so that GC and host noise hit them alike; medians.
  // The validation time is passed, as the verifier does (it validates at its own `at`).
  const at = { at: BENCH_AT.getTime() };
  const N = 1 << 19;
  const A = 1 << 17;
  const serials = certs.map((c) => c.serial);
  let expected = 0;
  for (const c of certs) expected += m.peek(c, caCert)!.status === 'revoked' ? 1 : 0;
  let hits = 0;
  const peek: number[] = [];
  const async: number[] = [];
  const raw: number[] = [];
  for (let round = 0; round < 7; round++) {
    let t = performance.now();
    for (let i = 0; i < N; i++) hits += index.lookup(serials[i & 1023]!).revoked ? 1 : 0;
    raw.push(nsPerOp(N, performance.now() - t));
    t = performance.now();
    for (let i = 0; i < N; i++) hits += m.peek(certs[i & 1023]!, caCert, at)!.status === 'revoked' ? 1 : 0;
    peek.push(nsPerOp(N, performance.now() - t));
    t = performance.now();
    for (let i = 0; i < A; i++) hits += (await m.lookup(certs[i & 1023]!, caCert, at)).status === 'revoked' ? 1 : 0;
    async.push(nsPerOp(A, performance.now() - t));
  }
  if (hits !== (expected * 7 * (2 * N + A)) / 1024 || expected < 400)
    throw new Error(`hits ${hits}, expected ${expected}`);
  const med = (xs: number[]): number => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
  const [peekNs, lookupAsyncNs, rawIndexNs] = [med(peek), med(async), med(raw)];
  await m.close();
  redis.disconnect();
  process.stdout.write(
    `${JSON.stringify({ refreshMs, publishMs, peakRssKiB, baselineRssKiB, snapshotBytes: bytes, peekNs, lookupAsyncNs, rawIndexNs })}\n`,
  );
} else if (mode === 'follower') {
  const { redis, shared: s } = await shared();
  const m = await manager({ shared: s });
  const cert = certificates(2)[1]!;
  const t0 = performance.now();
  const answer = await m.lookup(cert, caCert);
  const readyMs = performance.now() - t0;
  if (answer.watermark.via !== 'snapshot' || answer.watermark.entries !== count) {
    throw new Error(`follower did not load the snapshot: ${JSON.stringify(m.status())}`);
  }
  const outcome = m.status().partitions[0]!.lastRefresh?.outcome;
  await m.close();
  redis.disconnect();
  process.stdout.write(
    `${JSON.stringify({ readyMs, snapshotLoadMs, outcome, peakRssKiB: process.resourceUsage().maxRSS })}\n`,
  );
} else throw new TypeError(`unknown mode ${mode}`);
