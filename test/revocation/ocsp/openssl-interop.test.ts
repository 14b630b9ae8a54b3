/**
 * Our client against an independent responder: `openssl ocsp` serving an index file, signed
 * by the sandbox CA or by a delegated responder certificate, ResponderID by name or by key.
 * OpenSSL stamps its answers with the system time, so the checker uses the system clock here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/clock.js';
import { parseCertificate } from '../../../src/pki/certificate.js';
import { createOcspChecker } from '../../../src/revocation/ocsp/index.js';
import { issueOcspResponderCertificate } from '../../../src/sandbox/ocsp-responder-certificate.js';
import { issuerCert, pki, root } from './fixtures.js';
import { deriveRsaKey } from '../../../src/sandbox/keys.js';

const dir = mkdtempSync(join(tmpdir(), 'jpki-ocsp-openssl-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

const key = deriveRsaKey('ocsp-test-leaf');
const GOOD = 0x7a000001n;
const REVOKED = 0x7a000002n;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `openssl ocsp` as a responder and resolves its URL once it accepts connections. */
async function startOpenSslResponder(signerPem: string, signerKeyPem: string, extra: string[] = []): Promise<string> {
  const tag = `${children.length}`;
  writeFileSync(join(dir, `signer${tag}.pem`), signerPem);
  writeFileSync(join(dir, `signer${tag}.key`), signerKeyPem, { mode: 0o600 });
  const hex = (n: bigint) => n.toString(16).toUpperCase().padStart(8, '0');
  writeFileSync(
    join(dir, 'index.txt'),
    `V\t330715145959Z\t\t${hex(GOOD)}\tunknown\t/C=JP/CN=good\n` +
      `R\t330715145959Z\t260201000000Z,keyCompromise\t${hex(REVOKED)}\tunknown\t/C=JP/CN=revoked\n`,
  );
  writeFileSync(join(dir, 'root.pem'), root.pem);
  const port = await freePort();
  const child = spawn(
    'openssl',
    ['ocsp', '-index', join(dir, 'index.txt'), '-port', String(port), '-CA', join(dir, 'root.pem')].concat(
      ['-rsigner', join(dir, `signer${tag}.pem`), '-rkey', join(dir, `signer${tag}.key`), '-ndays', '1'],
      extra,
    ),
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => (b.toString().includes('ACCEPT') ? resolve() : undefined);
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`openssl ocsp exited ${code}`)));
  });
  return `http://127.0.0.1:${port}/`;
}

const leaf = (serial: bigint, url: string) =>
  parseCertificate(pki.issueAuthenticationCertificate({ serial, key, ocspUrl: url }).der);
const pem = (k: { export(o: { type: 'pkcs8'; format: 'pem' }): string | Buffer }) =>
  k.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('openssl ocsp as the responder', () => {
  const variants: [string, () => { cert: string; key: string }, string[]][] = [
    [
      'delegated, byName',
      () => ((d) => ({ cert: d.pem, key: pem(d.privateKey) }))(issueOcspResponderCertificate(root)),
      [],
    ],
    [
      'CA-signed, byKey, no certs',
      () => ({ cert: root.pem, key: pem(root.privateKey) }),
      ['-resp_key_id', '-resp_no_certs'],
    ],
  ];
  for (const [name, signer, extra] of variants) {
    it(`${name}: good and revoked, for SHA-256 and SHA-1 CertIDs`, async () => {
      const s = signer();
      const url = await startOpenSslResponder(s.cert, s.key, extra);
      const now = Date.now();
      for (const certIdHash of ['SHA-256', 'SHA-1'] as const) {
        const checker = createOcspChecker({ clock: systemClock, cacheSize: 0, responders: [{ certIdHash }] });
        const good = await checker.check(leaf(GOOD, url), issuerCert, now);
        expect(good.status, good.status === 'error' ? good.error.message : '').toBe('good');
        const revoked = await checker.check(leaf(REVOKED, url), issuerCert, now);
        expect(revoked).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
        if (revoked.status === 'revoked') expect(revoked.revokedAt).toEqual(new Date('2026-02-01T00:00:00Z'));
      }
    });
  }
});
