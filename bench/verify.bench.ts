/**
 * bench:verify — full verifySignature throughput against raw crypto.verify, in one process.
 *
 *   npm run bench:verify [-- --seconds 3] [-- --skip-crl-ingest]
 *
 * Baseline: node crypto.verify RSA-2048/SHA-256 with a cached KeyObject.
 * Measured: verifySignature of a detached JPKI CMS from the sandbox (strict parse, signed
 * attributes, hash, signature, path to the sandbox root, CRL lookup in a 1,000,000-entry
 * index, identity extraction, report), sequentially awaited. Two variants:
 *   cold — the certificate-signature cache is cleared before each call (2 RSA verifications);
 *   warm — the same customer certificate again (1 RSA verification; the cert link is cached).
 * Then CRL ingestion of 1M and 5M entries beside `openssl crl -noout` (bench/crl-ingest.ts).
 */
import { createHash, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVerifier, fixedClock } from '../src/index.js';
import { createSandboxPki, crlDistributionPointName } from '../src/sandbox/index.js';
import { signCms } from '../src/sandbox/cms.js';
import { writeCrlFile } from '../src/sandbox/crl-file.js';
import { clearSignatureCache } from '../src/path/signature-cache.js';

const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--seconds') + 1]) || 3;
const T0 = new Date('2026-06-01T00:00:00Z');
const out = join(import.meta.dirname, 'out');
mkdirSync(out, { recursive: true });

function rate(label: string, fn: () => void): number {
  for (let i = 0; i < 200; i++) fn();
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const t0 = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) fn();
    n += 50;
  }
  const r = n / ((performance.now() - t0) / 1000);
  console.log(`${label.padEnd(58)} ${r.toFixed(0).padStart(8)} ops/s`);
  return r;
}

async function rateAsync(label: string, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await fn();
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const t0 = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) await fn();
    n += 50;
  }
  const r = n / ((performance.now() - t0) / 1000);
  console.log(`${label.padEnd(58)} ${r.toFixed(0).padStart(8)} ops/s`);
  return r;
}

const pki = createSandboxPki({ seed: 'bench-verify' });
const root = pki.root('signing', '2023');
const leaf = pki.issueSigningCertificate({ serial: 0x0c0ffee0 });
const content = new TextEncoder().encode(
  `jpki-gateway statement: RP=Example Securities; nonce=${'ab'.repeat(32)}; ${'x'.repeat(800)}`,
);
const signature = signCms({ content, certificate: leaf.der, privateKey: leaf.privateKey, signingTime: T0 });

const crlPath = join(out, 'verify-crl-1m.der');
if (!existsSync(crlPath)) {
  console.log('generating a 1,000,000-entry sandbox CRL (cached in bench/out/)…');
  await writeCrlFile(crlPath, {
    count: 1_000_000,
    issuerNameDer: root.subjectDer,
    issuerPrivateKey: root.privateKey,
    issuerKeyId: root.keyId,
    thisUpdate: new Date(T0.getTime() - 3_600_000),
    nextUpdate: new Date(T0.getTime() + 23 * 3_600_000),
    crlNumber: 1,
    idpDirectoryNameDer: crlDistributionPointName('signing', 'Tokyo-to', 'Chiyoda-ku'),
  });
}
const verifier = createVerifier({
  trustAnchors: pki.signingRoots.map((r) => r.der),
  crls: [new Uint8Array(readFileSync(crlPath))],
  clock: fixedClock(T0),
});
const first = await verifier.verifySignature({ signature, content });
if (first.indication !== 'TOTAL_PASSED')
  throw new Error(`bench setup does not verify: ${JSON.stringify(first.errors)}`);
console.log(
  `CRL entries in the index: 1,000,000; report: ${first.indication}, revocation ${first.revocation.status}\n`,
);

const data = createHash('sha256').update('baseline').digest();
const rawSig = nodeSign('sha256', data, leaf.privateKey);
const raw = rate('raw crypto.verify RSA-2048 (cached KeyObject)', () => {
  if (!nodeVerify('sha256', data, leaf.publicKey, rawSig)) throw new Error('baseline failed');
});
const cold = await rateAsync('verifySignature, detached CMS, cold certificate cache', async () => {
  clearSignatureCache();
  const r = await verifier.verifySignature({ signature, content });
  if (r.indication !== 'TOTAL_PASSED') throw new Error('failed');
});
const warm = await rateAsync('verifySignature, detached CMS, warm certificate cache', async () => {
  const r = await verifier.verifySignature({ signature, content });
  if (r.indication !== 'TOTAL_PASSED') throw new Error('failed');
});
console.log(`\nratio cold / raw = ${(cold / raw).toFixed(3)}   (target ≥ 0.15)`);
console.log(`ratio warm / raw = ${(warm / raw).toFixed(3)}`);

if (!args.includes('--skip-crl-ingest')) {
  const { runCrlIngestBench } = await import('./crl-ingest.js');
  await runCrlIngestBench([1_000_000, 5_000_000]);
}
