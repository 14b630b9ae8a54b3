import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../src/pki/der-write.js';
import { OID } from '../../src/pki/oids.js';
import {
  authorityInfoAccessOcsp,
  authorityKeyIdentifier,
  basicConstraints,
  buildCertificate,
  certificatePolicies,
  crlDistributionPointDirName,
  deriveEcKey,
  deriveRsaKey,
  extKeyUsage,
  keyIdentifier,
  keyUsage,
  name,
  subjectAltNameDirName,
  subjectAltNameOtherNames,
  subjectKeyIdentifier,
  type SignatureAlgorithmName,
} from '../../src/sandbox/index.js';
import { opensslText } from './openssl.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const realRoot = new X509Certificate(
  readFileSync(new URL('../../../shared/jpki/roots/sign-ca-2023.pem', import.meta.url)),
);
const realDer = new Uint8Array(realRoot.raw);
const contains = (hay: Uint8Array, needle: Uint8Array): boolean => Buffer.from(hay).indexOf(Buffer.from(needle)) >= 0;

const jlisName = name([
  ['C', 'JP'],
  ['O', 'JPKI'],
  ['OU', 'JPKI for digital signature'],
  ['OU', 'Japan Agency for Local Authority Information Systems'],
]);

describe('name and extension builders reproduce the production root byte for byte', () => {
  it('name()', () => {
    expect(contains(realDer, jlisName)).toBe(true);
  });

  it('keyUsage, basicConstraints, CRL DP, SAN dirName, SKI', () => {
    expect(hex(keyUsage(['keyCertSign', 'cRLSign']))).toBe('03020106');
    expect(hex(basicConstraints(true))).toBe('30030101ff');
    expect(contains(realDer, crlDistributionPointDirName(jlisName))).toBe(true);
    const altName = name([
      ['C', 'JP'],
      ['O', '公的個人認証サービス'],
      ['OU', '公的個人認証サービス署名用'],
      ['OU', '地方公共団体情報システム機構'],
    ]);
    expect(contains(realDer, subjectAltNameDirName(altName))).toBe(true);
    expect(contains(realDer, subjectKeyIdentifier(realRoot.publicKey))).toBe(true);
    expect(hex(keyIdentifier(realRoot.publicKey))).toBe('d21ea55895617e93adbf966b941ab4edf653f08f');
  });

  it('other key usages and basicConstraints forms', () => {
    expect(hex(keyUsage(['digitalSignature', 'nonRepudiation']))).toBe('030206c0');
    expect(hex(keyUsage(['digitalSignature']))).toBe('03020780');
    expect(hex(keyUsage(['decipherOnly']))).toBe('0303070080');
    expect(hex(keyUsage([]))).toBe('030100');
    expect(hex(basicConstraints(false))).toBe('3000');
    expect(hex(basicConstraints(true, 0))).toBe('30060101ff020100');
  });
});

describe('buildCertificate', () => {
  const ca = deriveRsaKey('builder-test-ca');
  const leaf = deriveRsaKey('builder-test-leaf');
  const caName = name([
    ['C', 'JP'],
    ['O', 'JPKI-TEST'],
    ['CN', 'Builder CA'],
  ]);
  const base = {
    serial: 0x1234n,
    issuerName: caName,
    subjectName: name([
      ['C', 'JP'],
      ['CN', 'leaf'],
    ]),
    notBefore: new Date('2026-01-05T00:00:00Z'),
    notAfter: new Date('2031-01-05T14:59:59Z'),
    subjectPublicKey: leaf.publicKey,
    issuerPrivateKey: ca.privateKey,
    extensions: [{ oid: OID.keyUsage, critical: true, value: keyUsage(['digitalSignature']) }],
  };

  it.each<SignatureAlgorithmName>([
    'sha256WithRSA',
    'sha1WithRSA',
    'sha384WithRSA',
    'sha512WithRSA',
    'rsassaPss-sha256',
  ])('signs with %s so that node and openssl accept it', (alg) => {
    const { der, pem } = buildCertificate({ ...base, signatureAlgorithm: alg });
    const cert = new X509Certificate(pem);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(Buffer.from(cert.raw).equals(Buffer.from(der))).toBe(true);
    expect(opensslText(der)).toMatch(/Signature Algorithm: (sha\d+WithRSAEncryption|rsassaPss)/);
  });

  it('signs with ecdsa-sha256', () => {
    const ec = deriveEcKey('builder-test-ec');
    const { der } = buildCertificate({ ...base, issuerPrivateKey: ec.privateKey, signatureAlgorithm: 'ecdsa-sha256' });
    expect(new X509Certificate(der).verify(ec.publicKey)).toBe(true);
    expect(opensslText(der)).toContain('ecdsa-with-SHA256');
  });

  it('is deterministic for PKCS#1 v1.5', () => {
    expect(hex(buildCertificate(base).der)).toBe(hex(buildCertificate(base).der));
  });

  it('crafts hostile variants', () => {
    expect(new X509Certificate(buildCertificate({ ...base, corruptSignature: true }).der).verify(ca.publicKey)).toBe(
      false,
    );
    const mismatch = opensslText(buildCertificate({ ...base, tbsSignatureAlgorithmOverride: 'sha1WithRSA' }).der);
    expect(mismatch).toContain('sha1WithRSAEncryption');
    expect(mismatch).toContain('sha256WithRSAEncryption');
    const v1 = buildCertificate({ ...base, version: 1, extensions: [] }).der;
    expect(opensslText(v1)).toContain('Version: 1 (0x0)');
    const unknownCritical = buildCertificate({
      ...base,
      extensions: [...base.extensions, { oid: '1.3.6.1.4.1.99999.1', critical: true, value: utf8('x') }],
    });
    expect(opensslText(unknownCritical.der)).toMatch(/1\.3\.6\.1\.4\.1\.99999\.1: critical/);
    expect(new X509Certificate(buildCertificate({ ...base, serial: -5n }).der).serialNumber).toBeTruthy();
  });

  it('writes the composable extensions openssl understands', () => {
    const { der } = buildCertificate({
      ...base,
      extensions: [
        { oid: OID.basicConstraints, critical: true, value: basicConstraints(true, 2) },
        { oid: OID.certificatePolicies, critical: true, value: certificatePolicies(['1.2.392.200149.8.5.1.0.20']) },
        { oid: OID.extKeyUsage, critical: false, value: extKeyUsage([OID.kpClientAuth]) },
        { oid: OID.authorityInfoAccess, critical: false, value: authorityInfoAccessOcsp('http://127.0.0.1/ocsp') },
        {
          oid: OID.authorityKeyIdentifier,
          critical: false,
          value: authorityKeyIdentifier(keyIdentifier(ca.publicKey), caName, 7n),
        },
        { oid: OID.subjectKeyIdentifier, critical: false, value: subjectKeyIdentifier(leaf.publicKey) },
        {
          oid: OID.subjectAltName,
          critical: false,
          value: subjectAltNameOtherNames([{ oid: OID.jpkiName, utf8: '試験　花子' }]),
        },
      ],
    });
    const text = opensslText(der);
    expect(text).toContain('CA:TRUE, pathlen:2');
    expect(text).toContain('Policy: 1.2.392.200149.8.5.1.0.20');
    expect(text).toContain('TLS Web Client Authentication');
    expect(text).toContain('OCSP - URI:http://127.0.0.1/ocsp');
    expect(text).toContain('serial:07');
    expect(text).toContain('1.2.392.200149.8.5.5.1::試験　花子');
    const cert = new X509Certificate(der);
    expect(cert.ca).toBe(true);
    expect(cert.keyUsage).toEqual([OID.kpClientAuth]); // node's keyUsage is the *extended* key usage
  });
});
