/**
 * The sandbox CRL writers, checked by OpenSSL (signature with -CAfile, entries with -text)
 * and by our scanner. OpenSSL parts are skipped with a notice when the binary is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../../src/pki/certificate.js';
import { decodeInput } from '../../src/pki/decode-input.js';
import { ingestCrl, scanCrl } from '../../src/revocation/crl/index.js';
import { createCrl } from '../../src/sandbox/crl.js';
import { syntheticReason, syntheticSerial, writeCrlFile } from '../../src/sandbox/crl-file.js';
import { deriveEcKey } from '../../src/sandbox/keys.js';
import {
  CA_KEY_ID,
  CA_NAME,
  ENTRIES,
  NEXT_UPDATE,
  THIS_UPDATE,
  caKey,
  clock,
  issuer,
} from '../revocation/crl/fixtures.js';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasOpenssl) console.warn('openssl not found: skipping OpenSSL checks of the sandbox CRL writer');

const dir = mkdtempSync(join(tmpdir(), 'sandbox-crl-'));
const header = {
  issuerPrivateKey: caKey.privateKey,
  issuerKeyId: CA_KEY_ID,
  thisUpdate: THIS_UPDATE,
  nextUpdate: NEXT_UPDATE,
  crlNumber: 9,
};

describe('writeCrlFile', () => {
  it.each(['shuffled', 'ascending'] as const)('streams %s entries that scan back exactly', async (order) => {
    const path = join(dir, `${order}.der`);
    const { bytes, count } = await writeCrlFile(path, { ...header, issuerNameDer: CA_NAME, count: 5000, order });
    expect(statSync(path).size).toBe(bytes);
    const crl = await ingestCrl(path, { issuers: [issuer()], clock, chunkBytes: 4096 });
    expect(crl.index.size).toBe(count);
    expect(crl.index.duplicates).toBe(0);
    for (let i = 0; i < count; i += 499) {
      const r = crl.index.lookupU32(syntheticSerial(i, order));
      expect(r.revoked).toBe(true);
      if (r.revoked && syntheticReason(i) === 3) expect(r.reason).toBe('affiliationChanged');
    }
  });

  it('writes mostly affiliationChanged, as JPKI moves do', () => {
    let n = 0;
    for (let i = 0; i < 10_000; i++) if (syntheticReason(i) === 3) n++;
    expect(n / 10_000).toBeGreaterThan(0.6);
  });

  it('refuses keys it cannot size in advance, and 5-byte serials', async () => {
    const ec = deriveEcKey('test-crl-ec');
    await expect(
      writeCrlFile(join(dir, 'x.der'), {
        ...header,
        issuerNameDer: CA_NAME,
        issuerPrivateKey: ec.privateKey,
        count: 1,
      }),
    ).rejects.toBeInstanceOf(TypeError);
    await expect(
      writeCrlFile(join(dir, 'x.der'), {
        ...header,
        issuerNameDer: CA_NAME,
        count: 10,
        order: 'ascending',
        serialStart: 0x7ffffffa,
      }),
    ).rejects.toBeInstanceOf(TypeError);
  });
});

describe.skipIf(!hasOpenssl)('the writers, as OpenSSL sees them', () => {
  const ssl = (...args: string[]): string =>
    execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // openssl prints "verify OK" / "verify failure" on stderr
  const verify = (file: string): string => {
    const r = spawnSync('openssl', ['crl', '-inform', 'DER', '-in', file, '-CAfile', 'ca.pem', '-noout'], {
      cwd: dir,
      encoding: 'utf8',
    });
    return `${r.stdout}${r.stderr}`;
  };

  function caSubject(): Uint8Array {
    writeFileSync(join(dir, 'ca.key'), caKey.privateKey.export({ format: 'pem', type: 'pkcs8' }));
    ssl(
      'req',
      '-x509',
      '-key',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '3650',
      '-subj',
      '/C=JP/O=JPKI-TEST/CN=Sandbox CRL CA',
    );
    return parseCertificate(decodeInput(readFileSync(join(dir, 'ca.pem')))).subject.der;
  }

  it('createCrl output verifies with openssl for RSA PKCS#1 and PSS', () => {
    const issuerNameDer = caSubject();
    for (const signatureAlgorithm of [
      'sha256WithRSAEncryption',
      'sha512WithRSAEncryption',
      'rsassaPss-sha256',
    ] as const) {
      writeFileSync(
        join(dir, 'mem.der'),
        createCrl({ ...header, issuerNameDer, entries: ENTRIES, signatureAlgorithm }),
      );
      expect(verify('mem.der')).toMatch(/verify OK/);
    }
  });

  it('writeCrlFile output verifies with openssl and lists our serials', async () => {
    const issuerNameDer = caSubject();
    await writeCrlFile(join(dir, 'file.der'), { ...header, issuerNameDer, count: 3000 });
    expect(verify('file.der')).toMatch(/verify OK/);
    const text = ssl('crl', '-inform', 'DER', '-in', 'file.der', '-noout', '-text');
    expect(text.split('Serial Number: ').length - 1).toBe(3000);
    expect(text).toContain(`Serial Number: ${syntheticSerial(1).toString(16).toUpperCase()}`);
    const crl = await scanCrl(join(dir, 'file.der'));
    expect(crl.entryCount).toBe(3000);
  });
});
