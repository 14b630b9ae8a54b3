import { describe, expect, it } from 'vitest';
import { verifySignedData } from '../../src/cms/verify-signed-data.js';
import { OID } from '../../src/pki/oids.js';
import { bytesEqual } from '../../src/pki/der-values.js';
import { content, ec384Leaf, ecLeaf, leaf, root, sign, signingTime } from './fixtures.js';

describe('verifySignedData accepts well-formed signatures', () => {
  it('detached, CAdES-BES attributes, issuerAndSerialNumber', () => {
    const r = verifySignedData({ unverifiedSignature: sign(), content });
    expect(bytesEqual(r.signerCertificate.der, leaf.der)).toBe(true);
    expect(r.certificates).toHaveLength(1);
    expect(r.contentType).toBe(OID.data);
    expect(bytesEqual(r.content, content)).toBe(true);
    expect(r.digestAlgorithm).toBe('SHA-256');
    expect(r.signatureAlgorithm).toEqual({ kind: 'rsa-pkcs1', hash: 'SHA-256', oid: OID.sha256WithRSA });
    expect(r.signingTime).toEqual(signingTime);
    expect(r.signedAttributesPresent).toBe(true);
    expect(r.signingCertificateV2Checked).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('attached, and attached with the same content given again', () => {
    const cms = sign({ detached: false });
    expect(bytesEqual(verifySignedData({ unverifiedSignature: cms }).content, content)).toBe(true);
    expect(
      verifySignedData({ unverifiedSignature: cms, content: Uint8Array.from(content) }).signedAttributesPresent,
    ).toBe(true);
  });

  it('without signed attributes (id-data only), attached and detached', () => {
    for (const detached of [true, false]) {
      const r = verifySignedData({ unverifiedSignature: sign({ signedAttributes: false, detached }), content });
      expect(r.signedAttributesPresent).toBe(false);
      expect(r.signingTime).toBeUndefined();
      expect(r.signingCertificateV2Checked).toBe(false);
    }
  });

  it('subjectKeyIdentifier sid (SignerInfo and SignedData v3)', () => {
    const r = verifySignedData({ unverifiedSignature: sign({ sid: 'ski' }), content });
    expect(bytesEqual(r.signerCertificate.der, leaf.der)).toBe(true);
  });

  it('the signer found among extra certificates, all returned for path building', () => {
    const r = verifySignedData({ unverifiedSignature: sign({ extraCertificates: [root.der] }), content });
    expect(r.certificates.map((c) => c.der.length)).toEqual([leaf.der.length, root.der.length]);
    expect(bytesEqual(r.signerCertificate.der, leaf.der)).toBe(true);
  });

  it.each(['SHA-384', 'SHA-512'] as const)('%s with rsaEncryption and with the *WithRSA identifier', (hash) => {
    for (const signatureAlgorithm of ['rsaEncryption', 'sha-with-rsa'] as const) {
      const r = verifySignedData({ unverifiedSignature: sign({ digestAlgorithm: hash, signatureAlgorithm }), content });
      expect(r.digestAlgorithm).toBe(hash);
      expect(r.signatureAlgorithm.kind).toBe('rsa-pkcs1');
    }
  });

  it('RSASSA-PSS', () => {
    const r = verifySignedData({ unverifiedSignature: sign({ signatureAlgorithm: 'rsassa-pss' }), content });
    expect(r.signatureAlgorithm).toMatchObject({ kind: 'rsa-pss', hash: 'SHA-256', saltLength: 32 });
  });

  it('ECDSA P-256 / SHA-256 and P-384 / SHA-384, with and without signed attributes', () => {
    for (const [cert, hash] of [
      [ecLeaf, 'SHA-256'],
      [ec384Leaf, 'SHA-384'],
    ] as const) {
      for (const signedAttributes of [true, false]) {
        const cms = sign({
          certificate: cert.der,
          privateKey: cert.privateKey,
          digestAlgorithm: hash,
          signedAttributes,
        });
        expect(verifySignedData({ unverifiedSignature: cms, content }).signatureAlgorithm).toMatchObject({
          kind: 'ecdsa',
          hash,
        });
      }
    }
  });

  it('empty content', () => {
    const empty = new Uint8Array(0);
    expect(verifySignedData({ unverifiedSignature: sign({ content: empty, detached: false }) }).content).toHaveLength(
      0,
    );
    expect(verifySignedData({ unverifiedSignature: sign({ content: empty }), content: empty }).content).toHaveLength(0);
  });

  it('a non-data eContentType with signed attributes (SignedData v3)', () => {
    const tstInfo = '1.2.840.113549.1.9.16.1.4';
    const r = verifySignedData({ unverifiedSignature: sign({ contentType: tstInfo, detached: false }) });
    expect(r.contentType).toBe(tstInfo);
  });

  it('no signing-time, no signing-certificate-v2', () => {
    const r = verifySignedData({
      unverifiedSignature: sign({ signingTime: undefined, signingCertificateV2: false }),
      content,
    });
    expect(r.signingTime).toBeUndefined();
    expect(r.signingCertificateV2Checked).toBe(false);
  });
});
