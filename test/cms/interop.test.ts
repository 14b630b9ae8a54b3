/**
 * Interop: OpenSSL-made CMS verifies with verifySignedData; our signer's CMS verifies with
 * `openssl cms -verify -noverify` and with pkijs SignedData.verify. Vectors are produced on
 * each run from the sandbox leaf (origin: fixtures.ts), so there is nothing to regenerate.
 */
import { execFileSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, describe, expect, it } from 'vitest';
import { verifySignedData } from '../../src/cms/verify-signed-data.js';
import { content, ecLeaf, leaf, sign } from './fixtures.js';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasOpenssl) console.warn('NOTICE: openssl not found: CMS interop tests skipped');

const dir = mkdtempSync(join(tmpdir(), 'cms-interop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data?: Uint8Array | string): string => {
  const p = join(dir, name);
  if (data !== undefined) writeFileSync(p, data, { mode: 0o600 });
  return p;
};
const openssl = (args: string[]): void => {
  execFileSync('openssl', args, { stdio: 'pipe' });
};

describe.skipIf(!hasOpenssl)('OpenSSL → verifySignedData', () => {
  const keyPem = leaf.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const ecKeyPem = ecLeaf.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  file('content.bin', content);
  file('leaf.pem', leaf.pem);
  file('leaf.key', keyPem);
  file('ec.pem', ecLeaf.pem);
  file('ec.key', ecKeyPem);

  const cases: [string, string[], boolean][] = [
    ['detached', [], true],
    ['attached (-nodetach)', ['-nodetach'], false],
    ['no signed attributes (-noattr)', ['-noattr'], true],
    ['no signed attributes, attached', ['-noattr', '-nodetach'], false],
    ['CAdES (signing-certificate-v2) with -keyid', ['-cades', '-keyid'], true],
    ['SHA-384', ['-md', 'sha384'], true],
    ['SHA-512 attached', ['-md', 'sha512', '-nodetach'], false],
    ['RSASSA-PSS', ['-keyopt', 'rsa_padding_mode:pss'], true],
  ];
  it.each(cases)('%s', (name, extra, detached) => {
    const out = file(`openssl-${name.replace(/\W+/g, '_')}.der`);
    const md = extra.includes('-md') ? [] : ['-md', 'sha256'];
    // -keyopt applies to the preceding -signer, so the extra options come last.
    openssl([
      'cms',
      '-sign',
      '-binary',
      ...md,
      '-in',
      file('content.bin'),
      '-signer',
      file('leaf.pem'),
      '-inkey',
      file('leaf.key'),
      '-outform',
      'DER',
      '-out',
      out,
      ...extra,
    ]);
    const r = verifySignedData({ unverifiedSignature: readFileSync(out), content: detached ? content : undefined });
    expect(Buffer.from(r.content).equals(Buffer.from(content))).toBe(true);
    expect(r.signerCertificate.serialHex).toBe(leaf.serial.toLowerCase());
    expect(r.signedAttributesPresent).toBe(!extra.includes('-noattr'));
    expect(r.signingCertificateV2Checked).toBe(extra.includes('-cades'));
  });

  it('ECDSA P-256', () => {
    const out = file('openssl-ec.der');
    openssl([
      'cms',
      '-sign',
      '-binary',
      '-md',
      'sha256',
      '-in',
      file('content.bin'),
      '-signer',
      file('ec.pem'),
      '-inkey',
      file('ec.key'),
      '-outform',
      'DER',
      '-out',
      out,
    ]);
    expect(verifySignedData({ unverifiedSignature: readFileSync(out), content }).signatureAlgorithm.kind).toBe('ecdsa');
  });

  it('a tampered OpenSSL signature is rejected', () => {
    const out = file('openssl-tamper.der');
    openssl([
      'cms',
      '-sign',
      '-binary',
      '-md',
      'sha256',
      '-in',
      file('content.bin'),
      '-signer',
      file('leaf.pem'),
      '-inkey',
      file('leaf.key'),
      '-outform',
      'DER',
      '-out',
      out,
    ]);
    const der = readFileSync(out);
    der[der.length - 1]! ^= 1;
    expect(() => verifySignedData({ unverifiedSignature: der, content })).toThrowError(
      expect.objectContaining({ code: 'ERR_SIGNATURE_INVALID' }),
    );
  });
});

describe.skipIf(!hasOpenssl)('signCms → openssl cms -verify -noverify', () => {
  const cases: [string, Parameters<typeof sign>[0]][] = [
    ['detached CAdES-BES', {}],
    ['attached', { detached: false }],
    ['no signed attributes', { signedAttributes: false }],
    ['subjectKeyIdentifier sid', { sid: 'ski' }],
    ['SHA-512 with sha512WithRSAEncryption', { digestAlgorithm: 'SHA-512', signatureAlgorithm: 'sha-with-rsa' }],
    ['RSASSA-PSS', { signatureAlgorithm: 'rsassa-pss' }],
    ['ECDSA', { certificate: ecLeaf.der, privateKey: ecLeaf.privateKey }],
  ];
  it.each(cases)('%s', (name, opts) => {
    const cms = sign(opts);
    const p = file(`ours-${name.replace(/\W+/g, '_')}.der`, cms);
    const detached = opts?.detached !== false;
    openssl([
      'cms',
      '-verify',
      '-noverify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      p,
      ...(detached ? ['-content', file('content.bin')] : []),
      '-out',
      file('out.bin'),
    ]);
    expect(readFileSync(file('out.bin')).equals(Buffer.from(content))).toBe(true);
  });

  it('openssl refuses what we refuse: a wrong message digest', () => {
    const p = file('ours-bad.der', sign({ mutate: { wrongMessageDigest: true } }));
    expect(() =>
      openssl([
        'cms',
        '-verify',
        '-noverify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        p,
        '-content',
        file('content.bin'),
        '-out',
        file('out.bin'),
      ]),
    ).toThrow();
  });
});

describe('signCms → pkijs SignedData.verify', () => {
  pkijs.setEngine(
    'node',
    new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'] }),
  );
  it.each([
    ['detached CAdES-BES', {}],
    ['attached, SHA-384', { detached: false, digestAlgorithm: 'SHA-384' as const }],
    ['no signed attributes', { signedAttributes: false }],
  ])('%s', async (_name, opts) => {
    const der = sign(opts);
    const contentInfo = new pkijs.ContentInfo({ schema: asn1js.fromBER(Uint8Array.from(der).buffer).result });
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    const detached = (opts as { detached?: boolean }).detached !== false;
    const ok = await signedData.verify({
      signer: 0,
      checkChain: false,
      ...(detached ? { data: Uint8Array.from(content).buffer } : {}),
    });
    expect(ok).toBe(true);
  });
});
