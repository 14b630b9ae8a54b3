/**
 * The high-level flows through the real protocol code against the virtual card, checked by the
 * gateway's own verifiers: raw signature (contract §2 raw mode), two-step CMS (what a signing
 * session assembles), and card data (verifyCardData with the sandbox CV CA keys).
 */
import { X509Certificate, createHash, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assembleSignedData } from '../../src/cms/assemble-signed-data.js';
import { buildSignedAttributes } from '../../src/cms/build-signed-attributes.js';
import { encodeDigestInfo } from '../../src/cms/digest-info.js';
import {
  beginSigning,
  cardDataJson,
  createJpkiCard,
  readCardData,
  sha256DigestInfo,
  signDigestInfo,
} from '../../src/card/index.js';
import { CHALLENGE, hex, sandboxCard, verifier, virtualCard } from './fixtures.js';

const content = new TextEncoder().encode('Example Bank loan contract (sandbox)');
const digest = createHash('sha256').update(content).digest();

describe('signDigestInfo', () => {
  it('returns a signature and certificate that the raw-mode verifier passes', async () => {
    const card = createJpkiCard(virtualCard());
    const r = await signDigestInfo(card, { password: 'ABC123', digestInfo: encodeDigestInfo('SHA-256', digest) });
    expect(hex(r.certificate)).toBe(hex(sandboxCard.signing.der));
    expect(r.signature).toHaveLength(256);
    const report = await verifier.verifySignature({
      signatureValue: r.signature,
      certificate: r.certificate,
      digest,
      digestAlgorithm: 'SHA-256',
      at: sandboxCard.at,
    });
    expect(report.errors).toEqual([]);
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.signer?.identity?.name).toBe(sandboxCard.identity.name);
  });

  it('signs SHA-384 and SHA-512 DigestInfos too', async () => {
    const card = createJpkiCard(virtualCard());
    for (const [hash, node] of [
      ['SHA-384', 'sha384'],
      ['SHA-512', 'sha512'],
    ] as const) {
      const d = createHash(node).update(content).digest();
      const r = await signDigestInfo(card, { password: 'ABC123', digestInfo: encodeDigestInfo(hash, d) });
      const report = await verifier.verifySignature({
        signatureValue: r.signature,
        certificate: r.certificate,
        digest: d,
        digestAlgorithm: hash,
        at: sandboxCard.at,
      });
      expect(report.indication).toBe('TOTAL_PASSED');
    }
  });
});

describe('beginSigning (two-step)', () => {
  it('reads the certificate first, then signs the DigestInfo built over it into a CMS that verifies', async () => {
    const session = await beginSigning(createJpkiCard(virtualCard()), { password: 'ABC123' });
    const built = buildSignedAttributes({
      content,
      signerCertificate: session.certificate,
      signingTime: sandboxCard.at,
    });
    const signatureValue = await session.sign(built.digestInfo);
    const cms = assembleSignedData({
      signedAttributes: built.signedAttributes,
      signatureValue,
      signerCertificate: session.certificate,
    });
    const report = await verifier.verifySignature({ signature: cms, content, at: sandboxCard.at });
    expect(report.errors).toEqual([]);
    expect(report.indication).toBe('TOTAL_PASSED');
  });
});

describe('readCardData', () => {
  it('returns the text AP and a challenge signature that verifyCardData accepts', async () => {
    const data = await readCardData(createJpkiCard(virtualCard()), { pin: '1234', challenge: CHALLENGE });
    for (const f of ['ef0001', 'ef0002', 'ef0003', 'ef0004', 'ef0007'] as const)
      expect(hex(data.textAp[f])).toBe(hex(sandboxCard.textAp[f]));
    expect(hex(data.challengeSignature)).toBe(hex(sandboxCard.internalAuthenticate(CHALLENGE)));
    const result = await verifier.verifyCardData({
      textAp: data.textAp,
      challenge: CHALLENGE,
      challengeSignature: data.challengeSignature,
      signingCertificate: sandboxCard.signing.der,
    });
    expect(result.status).toBe('verified');
    if (result.status === 'verified') expect(result.myNumber.reveal()).toBe(sandboxCard.myNumber);
  });

  it('a signature over another challenge fails verifyCardData', async () => {
    const data = await readCardData(createJpkiCard(virtualCard()), { pin: '1234', challenge: CHALLENGE });
    const other = CHALLENGE.map((b) => b ^ 1);
    const result = await verifier.verifyCardData({ ...data, challenge: other });
    expect(result.status).toBe('failed');
  });

  it('cardDataJson is the client API cardData shape (base64 fields)', async () => {
    const data = await readCardData(createJpkiCard(virtualCard()), { pin: '1234', challenge: CHALLENGE });
    const json = cardDataJson(data);
    expect(Object.keys(json.textAp).sort()).toEqual(['ef0001', 'ef0002', 'ef0003', 'ef0004', 'ef0007']);
    expect(Buffer.from(json.textAp.ef0002, 'base64').equals(Buffer.from(sandboxCard.textAp.ef0002))).toBe(true);
    expect(Buffer.from(json.challengeSignature, 'base64')).toHaveLength(256);
  });

  it('refuses a challenge outside 16–1024 bytes before touching the card (caller bug: TypeError)', async () => {
    const card = createJpkiCard(virtualCard());
    await expect(readCardData(card, { pin: '1234', challenge: new Uint8Array(15) })).rejects.toThrow(TypeError);
    await expect(readCardData(card, { pin: '1234', challenge: new Uint8Array(1025) })).rejects.toThrow(TypeError);
  });
});

describe('other JPKI-AP reads and the authentication key', () => {
  it('reads the CA certificates, the authentication certificate (no PIN) and the token label', async () => {
    const card = createJpkiCard(virtualCard());
    expect(hex(await card.readAuthenticationCertificate())).toBe(hex(sandboxCard.authentication.der));
    expect(hex(await card.readAuthenticationCaCertificate())).toBe(hex(sandboxCard.authentication.issuer.der));
    expect(hex(await card.readSigningCaCertificate())).toBe(hex(sandboxCard.signing.issuer.der));
    expect(await card.readTokenLabel()).toBe('JPKIAPICCTOKEN2');
  });

  it('signs with the authentication key after the authentication PIN, verifiable with the auth certificate', async () => {
    const card = createJpkiCard(virtualCard());
    await card.selectJpkiAp();
    await card.verifyPin('auth', '1234');
    const digestInfo = await sha256DigestInfo(content);
    const sig = await card.computeSignature(digestInfo, 'auth');
    const certificate = new X509Certificate(await card.readAuthenticationCertificate());
    expect(verify('sha256', content, certificate.publicKey, sig)).toBe(true);
    expect(verify('sha256', content, new X509Certificate(sandboxCard.signing.der).publicKey, sig)).toBe(false);
  });

  it('refuses a DigestInfo that is not one (caller bug: TypeError, nothing sent)', async () => {
    const card = createJpkiCard(virtualCard());
    await expect(card.computeSignature(digest)).rejects.toThrow(TypeError);
    await expect(card.internalAuthenticate(new Uint8Array(51))).rejects.toThrow(TypeError);
  });
});
