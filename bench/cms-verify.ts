/**
 * Micro-benchmark: verifySignedData (lean DER walk + node:crypto) against raw
 * crypto.verify on a cached KeyObject, in the same run. `npx tsx bench/cms-verify.ts`
 * (BENCH_SECONDS=n per case, default 2). Target (architecture.md): the whole pipeline
 * ≥ 0.15 × raw; this measures its CMS step.
 */
import { sign, verify } from 'node:crypto';
import { buildSignedAttributes } from '../src/cms/build-signed-attributes.js';
import { verifyRawSignature } from '../src/cms/verify-raw-signature.js';
import { verifySignedData } from '../src/cms/verify-signed-data.js';
import { parseCertificate } from '../src/pki/certificate.js';
import { signCms } from '../src/sandbox/cms.js';
import { createSandboxPki } from '../src/sandbox/index.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 1);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

/** Operations per second of `fn` over about `seconds`. */
function measure(fn: () => unknown): number {
  let n = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 50; i++) fn();
    n += 50;
  }
  return n / ((performance.now() - start) / 1000);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The machine is shared, so cases run round-robin for several rounds and we report
 * medians; each round also pairs every case with the raw baseline measured next to it.
 */
function run(cases: [string, () => unknown][], baseline: () => unknown): void {
  for (const [, fn] of cases) for (let i = 0; i < 300; i++) fn(); // warm-up
  for (let i = 0; i < 300; i++) baseline();
  const perSecond = new Map<string, number[]>();
  const ratios = new Map<string, number[]>();
  const raw: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of cases) {
      const b = measure(baseline);
      const v = measure(fn);
      raw.push(b);
      (perSecond.get(name) ?? perSecond.set(name, []).get(name)!).push(v);
      (ratios.get(name) ?? ratios.set(name, []).get(name)!).push(v / b);
    }
  }
  console.log(`${'case'.padEnd(52)} ${'median/s'.padStart(9)}  ratio to raw`);
  console.log(
    `${'raw crypto.verify, cached KeyObject'.padEnd(52)} ${Math.round(median(raw)).toString().padStart(9)}  1.00`,
  );
  for (const [name] of cases) {
    const v = Math.round(median(perSecond.get(name)!))
      .toString()
      .padStart(9);
    console.log(`${name.padEnd(52)} ${v}  ${median(ratios.get(name)!).toFixed(2)}`);
  }
}

const pki = createSandboxPki();
const leaf = pki.issueSigningCertificate();
const root = pki.root('signing');
const content = new TextEncoder().encode('口座開設申込書 サンプル証券株式会社 '.repeat(60)); // ≈ 3 kB
const signingTime = new Date('2026-02-01T00:00:00Z');
const common = { content, certificate: leaf.der, privateKey: leaf.privateKey, signingTime };
const detached = signCms({ ...common, extraCertificates: [root.der] });
const attached = signCms({ ...common, detached: false });
const noattr = signCms({ ...common, signedAttributes: false, detached: false });

// Baseline: one RSA-2048 verification over the same signed attributes, KeyObject imported once.
const built = buildSignedAttributes({ content, signingTime, signerCertificate: leaf.der });
const attrSignature = sign('sha256', built.signedAttributes, leaf.privateKey);
const cachedKey = leaf.publicKey;
if (!verify('sha256', built.signedAttributes, cachedKey, attrSignature)) throw new Error('baseline broken');

console.log(
  `node ${process.version}; ${rounds} rounds × ${seconds}s; content ${content.length} B; detached CMS ${detached.length} B`,
);
run(
  [
    [
      'verifySignedData detached, signer + root certs',
      () => verifySignedData({ unverifiedSignature: detached, content }),
    ],
    ['verifySignedData attached, signer cert', () => verifySignedData({ unverifiedSignature: attached })],
    ['verifySignedData attached, no signed attributes', () => verifySignedData({ unverifiedSignature: noattr })],
    [
      'verifyRawSignature (RSA over DigestInfo)',
      () =>
        verifyRawSignature({
          unverifiedSignatureValue: attrSignature,
          unverifiedCertificate: leaf.der,
          digest: built.digest,
          digestAlgorithm: 'SHA-256',
        }),
    ],
    ['  parseCertificate (signer) alone', () => parseCertificate(leaf.der)],
    ['  parseCertificate + key import alone', () => parseCertificate(leaf.der).publicKey()],
  ],
  () => verify('sha256', built.signedAttributes, cachedKey, attrSignature),
);
