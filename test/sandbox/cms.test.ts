import { constants, createHash, privateEncrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assembleCms, buildSignedAttributes, signCms } from '../../src/sandbox/cms.js';
import { createSandboxPki } from '../../src/sandbox/index.js';
import { parseSignedData } from '../../src/cms/parse-signed-data.js';
import { parseSignerInfo } from '../../src/cms/parse-signer-info.js';
import { parseAttributes } from '../../src/cms/parse-attributes.js';
import { compareEncodings } from '../../src/cms/checks/signed-attributes-der.js';
import { verifySignedData } from '../../src/cms/verify-signed-data.js';
import { parseDer, whole } from '../../src/pki/der.js';
import { OID } from '../../src/pki/oids.js';

const pki = createSandboxPki();
const leaf = pki.issueSigningCertificate();
const content = new TextEncoder().encode('sandbox signer test document');
const signingTime = new Date('2026-02-01T00:00:00Z');

function attributesOf(cms: Uint8Array) {
  const sd = parseSignedData(cms, 32);
  const si = parseSignerInfo(cms, sd.signerInfos[0]!);
  return { sd, si, attributes: si.signedAttrs ? parseAttributes(cms, si.signedAttrs) : [] };
}

describe('two-step signing: buildSignedAttributes → card signs DigestInfo → assembleCms', () => {
  it('gives byte-for-byte what signCms gives (signCms is that flow)', () => {
    const built = buildSignedAttributes({ content, signingTime, signerCertificate: leaf.der });
    // the card: RSA PKCS#1 v1.5 over the DigestInfo it is handed
    const signatureValue = privateEncrypt(
      { key: leaf.privateKey, padding: constants.RSA_PKCS1_PADDING },
      built.digestInfo,
    );
    const twoStep = assembleCms({
      signedAttributes: built.signedAttributes,
      signatureValue,
      signerCertificate: leaf.der,
    });
    const oneStep = signCms({ content, certificate: leaf.der, privateKey: leaf.privateKey, signingTime });
    expect(Buffer.from(twoStep).equals(Buffer.from(oneStep))).toBe(true);
    expect(verifySignedData({ unverifiedSignature: twoStep, content }).signingCertificateV2Checked).toBe(true);
  });

  it('DigestInfo = SHA-256 DigestInfo prefix ‖ SHA-256(DER SET of the attributes)', () => {
    const built = buildSignedAttributes({ content });
    expect(built.signedAttributes[0]).toBe(0x31);
    expect(Buffer.from(built.digest).equals(createHash('sha256').update(built.signedAttributes).digest())).toBe(true);
    expect(Buffer.from(built.digestInfo).toString('hex')).toBe(
      '3031300d060960864801650304020105000420' + Buffer.from(built.digest).toString('hex'),
    );
  });

  it('a document given as its digest builds the same attributes as the document', () => {
    const digest = createHash('sha384').update(content).digest();
    const a = buildSignedAttributes({ content, digestAlgorithm: 'SHA-384', signingTime });
    const b = buildSignedAttributes({ contentDigest: digest, digestAlgorithm: 'SHA-384', signingTime });
    expect(Buffer.from(a.signedAttributes).equals(Buffer.from(b.signedAttributes))).toBe(true);
  });

  it('caller bugs are TypeErrors', () => {
    expect(() => buildSignedAttributes({})).toThrow(TypeError);
    expect(() => buildSignedAttributes({ content, contentDigest: new Uint8Array(32) })).toThrow(TypeError);
    expect(() => buildSignedAttributes({ contentDigest: new Uint8Array(20) })).toThrow(TypeError);
  });

  it('attributes are CAdES-BES: content-type, message-digest, signing-time, signing-certificate-v2, DER-sorted', () => {
    const { attributes } = attributesOf(
      signCms({ content, certificate: leaf.der, privateKey: leaf.privateKey, signingTime }),
    );
    expect(attributes.map((a) => a.type).sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingTime, OID.signingCertificateV2].sort(),
    );
    const cms = signCms({ content, certificate: leaf.der, privateKey: leaf.privateKey, signingTime });
    const { attributes: list } = attributesOf(cms);
    for (let i = 1; i < list.length; i++) expect(compareEncodings(cms, list[i - 1]!.tlv, list[i]!.tlv)).toBeLessThan(0);
  });

  it('is deterministic for RSA PKCS#1 (same inputs, same bytes)', () => {
    const a = signCms({ content, certificate: leaf.der, privateKey: leaf.privateKey, signingTime });
    const b = signCms({ content, certificate: leaf.der, privateKey: leaf.privateKey, signingTime });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(() => parseDer(a)).not.toThrow();
  });
});

describe('mutation hooks change the one thing they name', () => {
  const base = { content, certificate: leaf.der, privateKey: leaf.privateKey, signingTime };
  it('unsortedAttributes writes the SET out of DER order', () => {
    const cms = signCms({ ...base, mutate: { unsortedAttributes: true } });
    const { attributes } = attributesOf(cms);
    expect(attributes.some((a, i) => i > 0 && compareEncodings(cms, attributes[i - 1]!.tlv, a.tlv) > 0)).toBe(true);
  });
  it('twoSignerInfos, noCertificates, digestAlgorithms, versions, crls', () => {
    expect(attributesOf(signCms({ ...base, mutate: { twoSignerInfos: true } })).sd.signerInfos).toHaveLength(2);
    expect(attributesOf(signCms({ ...base, mutate: { noCertificates: true } })).sd.certificates).toHaveLength(0);
    expect(
      attributesOf(signCms({ ...base, mutate: { digestAlgorithms: [OID.sha512] } })).sd.digestAlgorithmOids,
    ).toEqual([OID.sha512]);
    expect(attributesOf(signCms({ ...base, mutate: { signedDataVersion: 4 } })).sd.version).toBe(4);
    expect(attributesOf(signCms({ ...base, mutate: { signerInfoVersion: 2 } })).si.version).toBe(2);
    expect(attributesOf(signCms({ ...base, mutate: { crls: [Uint8Array.of(0x30, 0)] } })).sd.crlsPresent).toBe(true);
  });
  it('omit / duplicate attributes', () => {
    const types = (m: Parameters<typeof signCms>[0]['mutate']) =>
      attributesOf(signCms({ ...base, mutate: m })).attributes.map((a) => a.type);
    expect(types({ omitContentType: true })).not.toContain(OID.contentType);
    expect(types({ omitMessageDigest: true })).not.toContain(OID.messageDigest);
    expect(types({ duplicateContentType: true }).filter((t) => t === OID.contentType)).toHaveLength(2);
    expect(types({ duplicateAttribute: OID.signingTime }).filter((t) => t === OID.signingTime)).toHaveLength(2);
  });
  it('sidNowhere names a serial the certificate does not have', () => {
    const { si } = attributesOf(signCms({ ...base, mutate: { sidNowhere: true } }));
    expect(si.sid.kind === 'issuerAndSerialNumber' && Buffer.from(si.sid.serial).toString('hex')).toBe('7fffff01');
  });
  it('detached: false carries the content; SKI sid uses version 3', () => {
    const { sd, si } = attributesOf(signCms({ ...base, detached: false, sid: 'ski' }));
    expect(Buffer.from(sd.eContent!).equals(Buffer.from(content))).toBe(true);
    expect(si.version).toBe(3);
    expect(sd.version).toBe(3);
    expect(whole(sd.buf, sd.signerInfos[0]!).length).toBeGreaterThan(0);
  });
});
