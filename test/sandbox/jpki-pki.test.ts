import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../src/pki/der-write.js';
import { OID } from '../../src/pki/oids.js';
import {
  DEFAULT_OCSP_URL,
  JPKI_TEST_AUTHENTICATION_POLICY,
  JPKI_TEST_SIGNING_POLICY,
  createSandboxPki,
  deriveEcKey,
  deriveRsaKey,
  keyUsage,
  basicConstraints,
  toIssuer,
  type SandboxRoot,
} from '../../src/sandbox/index.js';
import { opensslText, opensslVerify } from './openssl.js';

const pki = createSandboxPki();
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const x509 = (der: Uint8Array): X509Certificate => new X509Certificate(der);
const realRoot = (file: string): Uint8Array =>
  new Uint8Array(new X509Certificate(readFileSync(new URL(`../../../shared/jpki/roots/${file}`, import.meta.url))).raw);
const extensionHeaders = (der: Uint8Array): string[] =>
  opensslText(der)
    .split('\n')
    .filter((l) => /^\s+(X509v3 [^:]+|Authority Information Access):( critical)?$/.test(l))
    .map((l) => l.trim());
const nameStringTypes = (der: Uint8Array): string[] =>
  execFileSync('openssl', ['asn1parse', '-inform', 'DER'], { input: der })
    .toString()
    .split('\n')
    .filter((l) => /PRINTABLESTRING|UTF8STRING/.test(l))
    .slice(0, 4)
    .map((l) => (/PRINTABLESTRING/.test(l) ? 'printable' : 'utf8'));

describe('sandbox roots', () => {
  const all: [string, readonly SandboxRoot[], string][] = [
    ['signing', pki.signingRoots, 'sign-ca'],
    ['authentication', pki.authenticationRoots, 'auth-ca'],
  ];

  it.each(all)('%s: three generations, one DN, O=JPKI-TEST, mirroring production', (purpose, roots, prefix) => {
    expect(roots.map((r) => r.generation)).toEqual(['2015', '2019', '2023']);
    const ou = purpose === 'signing' ? 'JPKI for digital signature' : 'JPKI for user authentication';
    for (const root of roots) {
      const cert = x509(root.der);
      const real = x509(realRoot(`${prefix}-${root.generation}.pem`));
      expect(hex(root.subjectDer)).toBe(hex(pki.root(root.purpose, '2023').subjectDer));
      expect(cert.subject).toBe(`C=JP\nO=JPKI-TEST\nOU=${ou}\nOU=Japan Agency for Local Authority Information Systems`);
      expect(cert.issuer).toBe(cert.subject);
      expect(cert.subject).toBe(real.subject.replace('O=JPKI\n', 'O=JPKI-TEST\n'));
      expect([cert.validFrom, cert.validTo]).toEqual([real.validFrom, real.validTo]);
      expect(extensionHeaders(root.der)).toEqual(extensionHeaders(new Uint8Array(real.raw)));
      expect(nameStringTypes(root.der)).toEqual(nameStringTypes(new Uint8Array(real.raw)));
      expect(cert.verify(root.publicKey)).toBe(true);
      expect(cert.ca).toBe(true);
      expect(opensslText(root.der)).toMatch(/Key Usage: critical\n\s+Certificate Sign, CRL Sign/);
      expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    }
    expect(new Set(roots.map((r) => hex(r.keyId))).size).toBe(3);
    expect(roots[0]?.serial).toBe(1n);
  });
});

describe('signing certificate', () => {
  const issued = pki.issueSigningCertificate();
  const cert = x509(issued.der);
  const text = opensslText(issued.der);
  const root = pki.root('signing', '2023');

  it('follows the JPKI signing profile (openssl view)', () => {
    expect(text).toContain('Version: 3 (0x2)');
    expect(issued.serial).toMatch(/^[0-7][0-9A-F]{7}$/);
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('Public-Key: (2048 bit)');
    expect(text).toContain('Exponent: 65537');
    expect(text).toMatch(/Subject: CN=[0-9A-F]{28},L=Chiyoda-ku,L=Tokyo-to,C=JP\n/);
    expect(text).toMatch(/Key Usage: critical\n\s+Digital Signature, Non Repudiation\n/);
    expect(text).toMatch(/Certificate Policies: critical\n\s+Policy: 1\.2\.392\.200149\.8\.5\.1\.0\.20\n/);
    expect(text).toMatch(
      /othername: 1\.2\.392\.200149\.8\.5\.5\.1::試験\u3000花子, othername: 1\.2\.392\.200149\.8\.5\.5\.4::419900401, othername: 1\.2\.392\.200149\.8\.5\.5\.3::2, othername: 1\.2\.392\.200149\.8\.5\.5\.5::東京都千代田区サンドボックス町１ー２ー３, othername: 1\.2\.392\.200149\.8\.5\.5\.2::0{5}, othername: 1\.2\.392\.200149\.8\.5\.5\.6::0{20}\n/,
    );
    expect(text).toContain('X509v3 Issuer Alternative Name');
    expect(text).toContain(
      // openssl prints CRL DP names in its legacy 'A = B, ' form regardless of -nameopt
      'DirName:C = JP, O = JPKI-TEST, OU = JPKI for digital signature, OU = CRL Distribution Points, OU = Tokyo-to, CN = Chiyoda-ku CRLDP',
    );
    expect(text).toMatch(/Authority Key Identifier: \n\s+keyid:[0-9A-F:]{59}\n\s+DirName:.*JPKI-TEST.*\n\s+serial:/);
    expect(text).toContain('X509v3 Subject Key Identifier');
    expect(text).not.toContain('Authority Information Access');
    expect(text).not.toContain('Extended Key Usage');
    expect(text).toContain('Not Before: Jan  5 00:00:00 2026 GMT');
    expect(text).toContain('Not After : Apr  1 14:59:59 2030 GMT');
  });

  it('chains to the 2023 signing root (node and openssl)', () => {
    expect(cert.issuer).toBe(x509(root.der).subject);
    expect(cert.verify(root.publicKey)).toBe(true);
    expect(cert.checkIssued(x509(root.der))).toBe(true);
    expect(opensslVerify(root.pem, issued.pem, new Date('2026-06-01T00:00:00Z')).ok).toBe(true);
    expect(issued.issuer).toBe(root);
    expect(cert.verify(pki.root('authentication').publicKey)).toBe(false);
    expect(cert.verify(pki.root('signing', '2019').publicKey)).toBe(false);
  });

  it('encodes validity as UTCTime and names its key', () => {
    expect(Buffer.from(issued.der).indexOf(Buffer.from('260105000000Z'))).toBeGreaterThan(0);
    expect(Buffer.from(issued.der).indexOf(Buffer.from('300401145959Z'))).toBeGreaterThan(0);
    expect(hex(new Uint8Array(issued.publicKey.export({ type: 'spki', format: 'der' })))).toBe(
      hex(new Uint8Array(cert.publicKey.export({ type: 'spki', format: 'der' }))),
    );
  });

  it('issues under an older generation, with a chosen identity and key seed', () => {
    const old = pki.issueSigningCertificate({
      generation: '2019',
      notBefore: new Date('2022-03-01T03:00:00Z'),
      keySeed: 'jpki-pki-test-key',
      serial: '0A0B0C0D',
      identity: { name: 'SANDBOX　TARO', sex: 'male', birthDate: '1958-11-00', era: 3 },
      prefecture: 'Osaka-fu',
      municipality: 'Osaka-shi Kita-ku',
    });
    const c = x509(old.der);
    expect(old.serial).toBe('0A0B0C0D');
    expect(c.serialNumber).toBe('0A0B0C0D');
    expect(c.verify(pki.root('signing', '2019').publicKey)).toBe(true);
    expect(c.verify(pki.root('signing', '2023').publicKey)).toBe(false);
    expect(c.validTo).toBe('Mar  1 14:59:59 2027 GMT');
    expect(c.subject).toMatch(/^C=JP\nL=Osaka-fu\nL=Osaka-shi Kita-ku\nCN=/);
    const t = opensslText(old.der);
    expect(t).toContain('1.2.392.200149.8.5.5.1::SANDBOX　TARO');
    expect(t).toContain('1.2.392.200149.8.5.5.4::319581100');
    expect(t).toContain('1.2.392.200149.8.5.5.3::1');
    expect(t).toContain('OU = Osaka-fu, CN = Osaka-shi Kita-ku CRLDP');
    expect(hex(new Uint8Array(old.publicKey.export({ type: 'spki', format: 'der' })))).toBe(
      hex(new Uint8Array(deriveRsaKey('jpki-pki-test-key').publicKey.export({ type: 'spki', format: 'der' }))),
    );
  });
});

describe('authentication certificate', () => {
  const issued = pki.issueAuthenticationCertificate();
  const text = opensslText(issued.der);
  const root = pki.root('authentication');

  it('follows the JPKI authentication profile', () => {
    expect(text).toMatch(/Subject: CN=[0-9A-F]{28},C=JP\n/);
    expect(text).toMatch(/Key Usage: critical\n\s+Digital Signature\n/);
    expect(text).toMatch(/Certificate Policies: critical\n\s+Policy: 1\.2\.392\.200149\.8\.5\.1\.0\.30\n/);
    expect(text).toMatch(/Extended Key Usage: \n\s+TLS Web Client Authentication/);
    expect(text).toContain(`OCSP - URI:${DEFAULT_OCSP_URL}`);
    expect(text).toContain('OU = JPKI for user authentication, OU = CRL Distribution Points');
    expect(text).not.toContain('Subject Alternative Name');
    expect(text).toContain('X509v3 Issuer Alternative Name');
    expect(x509(issued.der).verify(root.publicKey)).toBe(true);
    expect(x509(issued.der).verify(pki.root('signing').publicKey)).toBe(false);
    expect(opensslVerify(root.pem, issued.pem, new Date('2026-06-01T00:00:00Z')).ok).toBe(true);
    expect(JPKI_TEST_AUTHENTICATION_POLICY).toBe('1.2.392.200149.8.5.1.0.30');
    expect(JPKI_TEST_SIGNING_POLICY).toBe('1.2.392.200149.8.5.1.0.20');
  });

  it('takes a configurable OCSP URL', () => {
    const c = pki.issueAuthenticationCertificate({ ocspUrl: 'http://localhost:9/ocsp' });
    expect(opensslText(c.der)).toContain('OCSP - URI:http://localhost:9/ocsp');
  });
});

describe('determinism', () => {
  it('the same seed gives byte-identical roots and certificates; another seed does not', () => {
    const a = createSandboxPki({ seed: 'determinism-test' });
    const b = createSandboxPki({ seed: 'determinism-test' });
    expect(a.signingRoots.map((r) => hex(r.der))).toEqual(b.signingRoots.map((r) => hex(r.der)));
    expect(a.authenticationRoots.map((r) => hex(r.der))).toEqual(b.authenticationRoots.map((r) => hex(r.der)));
    const [s1, s2] = [a.issueSigningCertificate(), a.issueSigningCertificate()];
    expect(hex(b.issueSigningCertificate().der)).toBe(hex(s1.der));
    expect(hex(b.issueSigningCertificate().der)).toBe(hex(s2.der));
    expect(s1.serial).not.toBe(s2.serial);
    expect(hex(a.issueAuthenticationCertificate().der)).toBe(hex(b.issueAuthenticationCertificate().der));
    expect(hex(pki.signingRoots[2]?.der ?? new Uint8Array())).not.toBe(hex(a.signingRoots[2]?.der ?? new Uint8Array()));
  });
});

describe('escape hatches for negative tests', () => {
  it('omits, replaces and adds extensions, and overrides the raw spec', () => {
    const c = pki.issueSigningCertificate({
      omitExtensions: [OID.subjectKeyIdentifier],
      replaceExtensions: [{ oid: OID.keyUsage, critical: true, value: keyUsage(['keyEncipherment']) }],
      extraExtensions: [{ oid: '1.3.6.1.4.1.99999.7', critical: true, value: utf8('x') }],
      overrides: { corruptSignature: true },
    });
    const t = opensslText(c.der);
    expect(t).not.toContain('Subject Key Identifier');
    expect(t).toMatch(/Key Usage: critical\n\s+Key Encipherment\n/);
    expect(t).toContain('1.3.6.1.4.1.99999.7: critical');
    expect(x509(c.der).verify(c.issuer.publicKey)).toBe(false);
  });

  it('accepts a given key (e.g. EC) and a custom issuer', () => {
    const ec = deriveEcKey('jpki-pki-test-ec');
    const c = pki.issueSigningCertificate({ key: ec });
    expect(x509(c.der).publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    // A CA-flagged intermediate under the 2023 root, then a leaf under it (depth tests).
    const intermediate = pki.issueSigningCertificate({
      serial: 0x01020304n,
      replaceExtensions: [{ oid: OID.keyUsage, critical: true, value: keyUsage(['keyCertSign', 'cRLSign']) }],
      extraExtensions: [{ oid: OID.basicConstraints, critical: true, value: basicConstraints(true, 0) }],
    });
    const child = pki.issueSigningCertificate({ issuer: toIssuer(intermediate) });
    expect(x509(child.der).checkIssued(x509(intermediate.der))).toBe(true);
    expect(x509(child.der).verify(intermediate.publicKey)).toBe(true);
    expect(child.issuer.serial).toBe(0x01020304n);
    expect(opensslText(child.der)).toMatch(/keyid:[0-9A-F:]+\n\s+DirName:.*\n\s+serial:01:02:03:04/);
  });
});
