/** Every code verifySignedData raises, each with a vector that breaks exactly one rule. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_SIGNATURE_BYTES, verifySignedData } from '../../src/cms/verify-signed-data.js';
import {
  digestAlgorithmIdentifier,
  encodeSignedDataContentInfo,
  encodeSignerInfo,
  issuerAndSerialNumber,
  signatureAlgorithmIdentifier,
} from '../../src/cms/encode-signed-data.js';
import {
  explicit,
  generalizedTime,
  integer,
  octetString,
  oid,
  seq,
  set,
  tlv,
  utcTime,
} from '../../src/pki/der-write.js';
import { OID } from '../../src/pki/oids.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { content, expectCode, leaf, otherLeaf, pki, root, sign, weakLeaf, ecLeaf } from './fixtures.js';

const TST_INFO = '1.2.840.113549.1.9.16.1.4';
const verify = (cms: Uint8Array, ...c: [Uint8Array?]) =>
  verifySignedData({ unverifiedSignature: cms, content: c.length ? c[0] : content });
const attr = (o: string, ...valuesDer: Uint8Array[]) => ({ oid: o, valuesDer });

describe('input and DER', () => {
  it('ERR_INPUT_TOO_LARGE: more than 16 MiB, or too many certificates', () => {
    expectCode(() => verify(new Uint8Array(MAX_SIGNATURE_BYTES + 1)), 'ERR_INPUT_TOO_LARGE');
    expectCode(() => verify(sign({ extraCertificates: Array(16).fill(root.der) })), 'ERR_INPUT_TOO_LARGE');
  });
  it('ERR_DER_TRUNCATED / ERR_DER_TRAILING_DATA', () => {
    const cms = sign();
    expectCode(() => verify(cms.subarray(0, cms.length - 1)), 'ERR_DER_TRUNCATED');
    expectCode(() => verify(Uint8Array.from([...cms, 0])), 'ERR_DER_TRAILING_DATA');
  });
  it('ERR_DER_TOO_DEEP', () => {
    let deep = seq(oid(OID.signedData));
    for (let i = 0; i < 40; i++) deep = seq(deep);
    expectCode(() => verify(deep), 'ERR_DER_TOO_DEEP');
  });
  it('TypeError for a caller bug', () => {
    expect(() => verifySignedData({ unverifiedSignature: 'MIIB' as never })).toThrow(TypeError);
    expect(() => verifySignedData({ unverifiedSignature: sign(), content: 'x' as never })).toThrow(TypeError);
  });
});

describe('ContentInfo and SignedData structure', () => {
  it('ERR_CMS_NOT_SIGNED_DATA: a certificate, id-data, an INTEGER', () => {
    expectCode(() => verify(leaf.der), 'ERR_CMS_NOT_SIGNED_DATA');
    expectCode(() => verify(seq(oid(OID.data), explicit(0, octetString(content)))), 'ERR_CMS_NOT_SIGNED_DATA');
    expectCode(() => verify(integer(5)), 'ERR_CMS_NOT_SIGNED_DATA');
  });
  it('ERR_CMS_VERSION: SignedData and SignerInfo versions per RFC 5652 §5.1 / §5.3', () => {
    expectCode(() => verify(sign({ mutate: { signedDataVersion: 3 } })), 'ERR_CMS_VERSION'); // v3 not needed
    expectCode(() => verify(sign({ mutate: { signedDataVersion: 2 } })), 'ERR_CMS_VERSION');
    expectCode(() => verify(sign({ sid: 'ski', mutate: { signedDataVersion: 1 } })), 'ERR_CMS_VERSION');
    expectCode(() => verify(sign({ mutate: { signerInfoVersion: 3 } })), 'ERR_CMS_VERSION');
    expectCode(() => verify(sign({ sid: 'ski', mutate: { signerInfoVersion: 1 } })), 'ERR_CMS_VERSION');
    expectCode(
      () => verify(sign({ contentType: TST_INFO, detached: false, mutate: { signedDataVersion: 1 } })),
      'ERR_CMS_VERSION',
    );
  });
  it('ERR_CMS_SIGNER_COUNT: two SignerInfos, none', () => {
    expectCode(() => verify(sign({ mutate: { twoSignerInfos: true } })), 'ERR_CMS_SIGNER_COUNT');
    const none = encodeSignedDataContentInfo({
      version: 1,
      digestAlgorithms: [digestAlgorithmIdentifier('SHA-256')],
      eContentType: OID.data,
      certificates: [leaf.der],
      signerInfos: [],
    });
    expectCode(() => verify(none), 'ERR_CMS_SIGNER_COUNT');
  });
  it('ERR_DER_STRUCTURE: attribute certificate choice, attribute without values, empty signedAttrs', () => {
    const attrCert = tlv(0xa1, seq(integer(1)));
    const withAttrCert = encodeSignedDataContentInfo({
      version: 1,
      digestAlgorithms: [digestAlgorithmIdentifier('SHA-256')],
      eContentType: OID.data,
      certificates: [leaf.der, attrCert],
      signerInfos: [seq(integer(1))],
    });
    expectCode(() => verify(withAttrCert), 'ERR_DER_STRUCTURE');
    expectCode(() => verify(sign({ extraSignedAttributes: [attr('1.2.392.200149.99.1')] })), 'ERR_DER_STRUCTURE');
    const emptyAttrs = encodeSignerInfo({
      version: 1,
      sid: issuerAndSerialNumber(parseCertificate(leaf.der).issuer.der, parseCertificate(leaf.der).serial),
      digestAlgorithm: digestAlgorithmIdentifier('SHA-256'),
      signedAttributes: Uint8Array.of(0x31, 0x00),
      signatureAlgorithm: signatureAlgorithmIdentifier('rsaEncryption', 'SHA-256'),
      signature: new Uint8Array(256),
    });
    const withEmptyAttrs = encodeSignedDataContentInfo({
      version: 1,
      digestAlgorithms: [digestAlgorithmIdentifier('SHA-256')],
      eContentType: OID.data,
      certificates: [leaf.der],
      signerInfos: [emptyAttrs],
    });
    expectCode(() => verify(withEmptyAttrs), 'ERR_DER_STRUCTURE');
  });
});

describe('content presence (RFC 5652 §5.2)', () => {
  it('ERR_CMS_CONTENT_MISSING: detached without content', () => {
    expectCode(() => verify(sign(), undefined), 'ERR_CMS_CONTENT_MISSING');
  });
  it('ERR_CMS_CONTENT_CONFLICT: attached and a different detached content', () => {
    expectCode(() => verify(sign({ detached: false }), new TextEncoder().encode('other')), 'ERR_CMS_CONTENT_CONFLICT');
  });
});

describe('signer certificate (RFC 5652 §5.3 sid)', () => {
  it('ERR_CMS_SIGNER_CERT_NOT_FOUND: sid names nothing, or no certificates', () => {
    expectCode(() => verify(sign({ mutate: { sidNowhere: true } })), 'ERR_CMS_SIGNER_CERT_NOT_FOUND');
    expectCode(() => verify(sign({ mutate: { noCertificates: true } })), 'ERR_CMS_SIGNER_CERT_NOT_FOUND');
    expectCode(() => verify(sign({ sid: 'ski', mutate: { noCertificates: true } })), 'ERR_CMS_SIGNER_CERT_NOT_FOUND');
  });
  it('ERR_CMS_SIGNER_CERT_AMBIGUOUS: two different certificates with the same issuer and serial', () => {
    const twin = pki.issueSigningCertificate({ serial: leaf.serial, keySeed: 'cms-test/twin' });
    expectCode(() => verify(sign({ extraCertificates: [twin.der] })), 'ERR_CMS_SIGNER_CERT_AMBIGUOUS');
    // the same certificate twice is one certificate
    expect(verify(sign({ extraCertificates: [leaf.der] })).signerCertificate.serialHex).toBe(leaf.serial.toLowerCase());
  });
});

describe('algorithms and keys', () => {
  it('ERR_CMS_DIGEST_ALG_MISMATCH: digest algorithm missing from SignedData.digestAlgorithms', () => {
    expectCode(() => verify(sign({ mutate: { digestAlgorithms: [OID.sha512] } })), 'ERR_CMS_DIGEST_ALG_MISMATCH');
    expectCode(() => verify(sign({ mutate: { digestAlgorithms: [] } })), 'ERR_CMS_DIGEST_ALG_MISMATCH');
  });
  it('ERR_ALG_NOT_ALLOWED: SHA-1 digest, sha1WithRSA, a hash differing from the digest, ECDSA with an RSA key', () => {
    expectCode(() => verify(sign({ digestAlgorithm: 'SHA-1' })), 'ERR_ALG_NOT_ALLOWED');
    expectCode(() => verify(sign({ digestAlgorithm: 'SHA-1', signedAttributes: false })), 'ERR_ALG_NOT_ALLOWED');
    const algId = (o: string, ...params: Uint8Array[]) => ({
      mutate: { signatureAlgorithmIdentifier: seq(oid(o), ...params) },
    });
    const NULL = Uint8Array.of(0x05, 0x00);
    expectCode(() => verify(sign(algId(OID.sha1WithRSA, NULL))), 'ERR_ALG_NOT_ALLOWED');
    expectCode(() => verify(sign(algId(OID.md5WithRSA, NULL))), 'ERR_ALG_NOT_ALLOWED');
    expectCode(() => verify(sign(algId(OID.sha512WithRSA, NULL))), 'ERR_ALG_NOT_ALLOWED'); // hash ≠ digestAlgorithm
    expectCode(() => verify(sign(algId(OID.dsaWithSHA1))), 'ERR_ALG_NOT_ALLOWED');
    expectCode(() => verify(sign({ signatureAlgorithm: 'ecdsa' })), 'ERR_ALG_NOT_ALLOWED'); // ECDSA with an RSA key
    const ecAsRsa = { certificate: ecLeaf.der, privateKey: ecLeaf.privateKey, ...algId(OID.rsaEncryption, NULL) };
    expectCode(() => verify(sign(ecAsRsa)), 'ERR_ALG_NOT_ALLOWED'); // RSA with an EC key
    expectCode(() => verify(sign(algId(OID.rsaEncryption, integer(0)))), 'ERR_DER_STRUCTURE'); // parameters not NULL
  });
  it('ERR_ALG_NOT_ALLOWED: RSASSA-PSS whose hash differs from the digest algorithm', () => {
    const pss512 = signatureAlgorithmIdentifier('rsassa-pss', 'SHA-512');
    expectCode(
      () => verify(sign({ signatureAlgorithm: 'rsassa-pss', mutate: { signatureAlgorithmIdentifier: pss512 } })),
      'ERR_ALG_NOT_ALLOWED',
    );
  });
  it('ERR_KEY_TOO_WEAK: RSA-1024 signer', () => {
    expectCode(() => verify(sign({ certificate: weakLeaf.der, privateKey: weakLeaf.privateKey })), 'ERR_KEY_TOO_WEAK');
  });
});

describe('signed attributes (RFC 5652 §5.3, §5.4, §11; RFC 5035)', () => {
  it('ERR_CMS_SIGNED_ATTRS_MISSING: no signed attributes with a non-data eContentType', () => {
    expectCode(
      () => verify(sign({ signedAttributes: false, contentType: TST_INFO, detached: false })),
      'ERR_CMS_SIGNED_ATTRS_MISSING',
    );
  });
  it('ERR_CMS_SIGNED_ATTRS_NOT_DER: unsorted SET, unsorted inner SET, non-minimal INTEGER, BOOLEAN not FF, DEFAULT hash encoded', () => {
    expectCode(() => verify(sign({ mutate: { unsortedAttributes: true } })), 'ERR_CMS_SIGNED_ATTRS_NOT_DER');
    const x = '1.2.392.200149.99.2';
    expectCode(
      () => verify(sign({ extraSignedAttributes: [attr(x, set(integer(2), integer(1)))] })),
      'ERR_CMS_SIGNED_ATTRS_NOT_DER',
    );
    expectCode(
      () => verify(sign({ extraSignedAttributes: [attr(x, Uint8Array.of(0x02, 0x02, 0x00, 0x01))] })),
      'ERR_CMS_SIGNED_ATTRS_NOT_DER',
    );
    expectCode(
      () => verify(sign({ extraSignedAttributes: [attr(x, Uint8Array.of(0x01, 0x01, 0x01))] })),
      'ERR_CMS_SIGNED_ATTRS_NOT_DER',
    );
    const essDefault = seq(seq(seq(seq(oid(OID.sha256)), octetString(parseCertificate(leaf.der).sha256()))));
    expectCode(
      () =>
        verify(
          sign({ signingCertificateV2: false, extraSignedAttributes: [attr(OID.signingCertificateV2, essDefault)] }),
        ),
      'ERR_CMS_SIGNED_ATTRS_NOT_DER',
    );
  });
  it('ERR_CMS_ATTR_CONTENT_TYPE: missing, repeated, different from eContentType, not an OID', () => {
    expectCode(() => verify(sign({ mutate: { omitContentType: true } })), 'ERR_CMS_ATTR_CONTENT_TYPE');
    expectCode(() => verify(sign({ mutate: { duplicateContentType: true } })), 'ERR_CMS_ATTR_CONTENT_TYPE');
    expectCode(() => verify(sign({ mutate: { contentTypeValue: TST_INFO } })), 'ERR_CMS_ATTR_CONTENT_TYPE');
    expectCode(
      () => verify(sign({ detached: false, mutate: { eContentType: TST_INFO } })),
      'ERR_CMS_ATTR_CONTENT_TYPE',
    );
    expectCode(
      () =>
        verify(sign({ mutate: { omitContentType: true }, extraSignedAttributes: [attr(OID.contentType, integer(1))] })),
      'ERR_CMS_ATTR_CONTENT_TYPE',
    );
    expectCode(
      () =>
        verify(
          sign({
            mutate: { omitContentType: true },
            extraSignedAttributes: [attr(OID.contentType, oid(OID.data), oid(TST_INFO))],
          }),
        ),
      'ERR_CMS_ATTR_CONTENT_TYPE',
    );
  });
  it('ERR_CMS_ATTR_MESSAGE_DIGEST: missing, repeated, two values, wrong length, not an OCTET STRING', () => {
    expectCode(() => verify(sign({ mutate: { omitMessageDigest: true } })), 'ERR_CMS_ATTR_MESSAGE_DIGEST');
    expectCode(
      () => verify(sign({ mutate: { duplicateAttribute: OID.messageDigest } })),
      'ERR_CMS_ATTR_MESSAGE_DIGEST',
    );
    expectCode(() => verify(sign({ mutate: { twoMessageDigestValues: true } })), 'ERR_CMS_ATTR_MESSAGE_DIGEST');
    expectCode(
      () => verify(sign({ mutate: { messageDigestValue: new Uint8Array(20) } })),
      'ERR_CMS_ATTR_MESSAGE_DIGEST',
    );
    expectCode(
      () =>
        verify(
          sign({ mutate: { omitMessageDigest: true }, extraSignedAttributes: [attr(OID.messageDigest, integer(7))] }),
        ),
      'ERR_CMS_ATTR_MESSAGE_DIGEST',
    );
  });
  it('ERR_CMS_ATTR_SIGNING_TIME: repeated, two values, GeneralizedTime before 2050, malformed, not a time', () => {
    expectCode(() => verify(sign({ mutate: { duplicateAttribute: OID.signingTime } })), 'ERR_CMS_ATTR_SIGNING_TIME');
    const t = new Date('2026-02-01T00:00:00Z');
    const only = (...v: Uint8Array[]) =>
      sign({ signingTime: undefined, extraSignedAttributes: [attr(OID.signingTime, ...v)] });
    expectCode(() => verify(only(utcTime(t), utcTime(new Date('2026-02-02T00:00:00Z')))), 'ERR_CMS_ATTR_SIGNING_TIME');
    expectCode(() => verify(only(generalizedTime(t))), 'ERR_CMS_ATTR_SIGNING_TIME');
    expectCode(() => verify(only(tlv(0x17, new TextEncoder().encode('2602010000Z')))), 'ERR_CMS_ATTR_SIGNING_TIME');
    expectCode(() => verify(only(tlv(0x17, new TextEncoder().encode('260231000000Z')))), 'ERR_CMS_ATTR_SIGNING_TIME');
    expectCode(() => verify(only(integer(1))), 'ERR_CMS_ATTR_SIGNING_TIME');
    expect(verify(only(generalizedTime(new Date('2051-01-01T00:00:00Z')))).signingTime?.toISOString()).toBe(
      '2051-01-01T00:00:00.000Z',
    );
  });
  it('ERR_CMS_ATTR_DUPLICATE: any other attribute type twice', () => {
    expectCode(
      () => verify(sign({ mutate: { duplicateAttribute: OID.signingCertificateV2 } })),
      'ERR_CMS_ATTR_DUPLICATE',
    );
    const x = attr('1.2.392.200149.99.3', integer(1));
    expectCode(() => verify(sign({ extraSignedAttributes: [x, x] })), 'ERR_CMS_ATTR_DUPLICATE');
  });
  it('ERR_CMS_ATTR_SIGNING_CERT: another certificate, wrong issuerSerial, two values, malformed, no ESSCertIDv2', () => {
    expectCode(() => verify(sign({ mutate: { signingCertificateV2For: otherLeaf.der } })), 'ERR_CMS_ATTR_SIGNING_CERT');
    const cert = parseCertificate(leaf.der);
    const ess = (issuerSerial: Uint8Array[]) => seq(seq(seq(octetString(cert.sha256()), ...issuerSerial)));
    const only = (...v: Uint8Array[]) =>
      sign({ signingCertificateV2: false, extraSignedAttributes: [attr(OID.signingCertificateV2, ...v)] });
    expect(verify(only(ess([]))).signingCertificateV2Checked).toBe(true); // issuerSerial is optional
    const wrongSerial = seq(seq(explicit(4, cert.issuer.der)), integer(12345));
    expectCode(() => verify(only(ess([wrongSerial]))), 'ERR_CMS_ATTR_SIGNING_CERT');
    const wrongIssuer = seq(seq(explicit(4, cert.subject.der)), tlv(0x02, cert.serial));
    expectCode(() => verify(only(ess([wrongIssuer]))), 'ERR_CMS_ATTR_SIGNING_CERT');
    const uriIssuer = seq(seq(tlv(0x86, new TextEncoder().encode('http://x'))), tlv(0x02, cert.serial));
    expectCode(() => verify(only(ess([uriIssuer]))), 'ERR_CMS_ATTR_SIGNING_CERT');
    expectCode(
      () => verify(only(ess([]), seq(seq(seq(octetString(new Uint8Array(32))))))),
      'ERR_CMS_ATTR_SIGNING_CERT',
    );
    expectCode(() => verify(only(integer(1))), 'ERR_CMS_ATTR_SIGNING_CERT');
    expectCode(() => verify(only(seq(seq()))), 'ERR_CMS_ATTR_SIGNING_CERT');
    const sha512Id = seq(seq(seq(seq(oid(OID.sha512)), octetString(createHash('sha512').update(leaf.der).digest()))));
    expect(verify(only(sha512Id)).signingCertificateV2Checked).toBe(true);
    const sha1Id = seq(seq(seq(seq(oid(OID.sha1)), octetString(createHash('sha1').update(leaf.der).digest()))));
    expectCode(() => verify(only(sha1Id)), 'ERR_ALG_NOT_ALLOWED');
  });
});

describe('hash and signature', () => {
  it('ERR_HASH_MISMATCH: wrong detached content, tampered attached content, wrong signed digest', () => {
    expectCode(() => verify(sign(), new TextEncoder().encode('another document')), 'ERR_HASH_MISMATCH');
    expectCode(
      () => verify(sign({ detached: false, mutate: { tamperContent: true } }), undefined),
      'ERR_HASH_MISMATCH',
    );
    expectCode(() => verify(sign({ mutate: { wrongMessageDigest: true } })), 'ERR_HASH_MISMATCH');
  });
  it('ERR_SIGNATURE_INVALID: corrupted value, wrong key, unsigned content change without attributes', () => {
    expectCode(() => verify(sign({ mutate: { corruptSignature: true } })), 'ERR_SIGNATURE_INVALID');
    expectCode(() => verify(sign({ privateKey: otherLeaf.privateKey })), 'ERR_SIGNATURE_INVALID');
    expectCode(() => verify(sign({ signedAttributes: false }), new TextEncoder().encode('x')), 'ERR_SIGNATURE_INVALID');
    expectCode(
      () => verify(sign({ signatureAlgorithm: 'rsassa-pss', mutate: { corruptSignature: true } })),
      'ERR_SIGNATURE_INVALID',
    );
    const ec = sign({ certificate: ecLeaf.der, privateKey: ecLeaf.privateKey, mutate: { corruptSignature: true } });
    expectCode(() => verify(ec), 'ERR_SIGNATURE_INVALID');
  });
});

describe('warnings', () => {
  it('CRLs inside the CMS are ignored with a warning', () => {
    const r = verify(sign({ mutate: { crls: [seq(seq(integer(1)))] } }));
    expect(r.warnings.map((w) => w.code)).toEqual(['WARN_CMS_CRLS_IGNORED']);
  });
  it('signing-certificate v1 (SHA-1) is reported, not checked', () => {
    const v1 = seq(seq(seq(octetString(new Uint8Array(20)))));
    const r = verify(sign({ signingCertificateV2: false, extraSignedAttributes: [attr(OID.signingCertificate, v1)] }));
    expect(r.warnings.map((w) => w.code)).toEqual(['WARN_CMS_SIGNING_CERTIFICATE_V1']);
    expect(r.signingCertificateV2Checked).toBe(false);
  });
});
