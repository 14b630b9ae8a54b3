/**
 * Virtual cards (src/sandbox/card.ts): deterministic, shaped like a real card, and each
 * scenario produces the outcome it names through the library verbs.
 * Origin: the default sandbox J-LIS and card seed 'sandbox-card-tests'.
 */
import { createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../src/identity/my-number/check-digit.js';
import { createVerifier } from '../../src/index.js';
import { signCms } from '../../src/sandbox/cms.js';
import { createCrl } from '../../src/sandbox/crl.js';
import {
  DEFAULT_PINS,
  JPKI_REVOCATION_REASONS,
  SANDBOX_CARD_AT,
  createCardSigningCrl,
  createSandboxPki,
  crlDistributionPointName,
  issueSandboxCard,
  textApBasicFourOf,
  type SandboxCard,
  type SandboxCardOptions,
} from '../../src/sandbox/index.js';

const pki = createSandboxPki();
const card = (o: SandboxCardOptions = {}): SandboxCard => issueSandboxCard({ pki, seed: 'sandbox-card-tests', ...o });
const base = card();
const CHALLENGE = new Uint8Array(24).fill(0x42);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

async function signatureReport(c: SandboxCard, crl: Uint8Array = createCardSigningCrl(c)) {
  const content = new TextEncoder().encode('sandbox statement');
  const v = createVerifier({ trustAnchors: [c.signing.issuer.der], crls: [crl] });
  return v.verifySignature({
    signature: signCms({ content, certificate: c.signing.der, privateKey: c.signing.privateKey }),
    content,
    at: c.at,
  });
}

async function cardData(c: SandboxCard) {
  const v = createVerifier({ cvCaKeys: c.cvCa.cvCaKeys() });
  return v.verifyCardData({
    textAp: c.textAp,
    challenge: CHALLENGE,
    challengeSignature: c.internalAuthenticate(CHALLENGE),
    signingCertificate: c.signing.der,
  });
}

describe('issueSandboxCard', () => {
  it('is deterministic: the same options give the same bytes', () => {
    const again = card();
    for (const f of ['ef0001', 'ef0002', 'ef0003', 'ef0004', 'ef0007'] as const)
      expect(hex(again.textAp[f])).toBe(hex(base.textAp[f]));
    expect(hex(again.signing.der)).toBe(hex(base.signing.der));
    expect(hex(again.authentication.der)).toBe(hex(base.authentication.der));
  });

  it('defaults: the fake holder, a valid synthetic My Number, the contract PINs, SANDBOX_CARD_AT', () => {
    expect(base.identity.name).toBe('試験　花子');
    expect(hasValidCheckDigit(base.myNumber)).toBe(true);
    expect(base.myNumber).toMatch(/^00000/);
    expect(base.pins).toEqual({ signing: 'ABC123', authentication: '1234', textAp: '1234' });
    expect(DEFAULT_PINS).toEqual(base.pins);
    expect(base.at).toEqual(SANDBOX_CARD_AT);
    expect(base.signing.notBefore.getTime()).toBeLessThan(base.at.getTime());
    expect(base.revocation).toBeUndefined();
  });

  it('different seeds give different keys, serials and numbers', () => {
    const other = card({ seed: 'sandbox-card-tests/other' });
    expect(other.signing.serial).not.toBe(base.signing.serial);
    expect(other.myNumber).not.toBe(base.myNumber);
  });

  it('EF0001 holds the chosen number; EF0002 the text-AP form of the identity', () => {
    const c = card({ myNumber: '123456789018', identity: { sex: 'unknown', address: '東京都港区サーバー町１ー２' } });
    expect(Buffer.from(c.textAp.ef0001.subarray(3, 15)).toString('latin1')).toBe('123456789018');
    // － between digits (the card's dash), ー after kana kept
    expect(textApBasicFourOf(c.identity)).toMatchObject({ address: '東京都港区サーバー町１－２', sexCode: '0' });
  });

  it('EF0004 certifies the CV signer under a 6000033… CV CA; EF0007 holds the card key', () => {
    expect(base.cvCa.keyId).toMatch(/^6000033[0-9A-F]{25}$/);
    expect(hex(base.textAp.ef0004.subarray(10, 26)).toUpperCase()).toBe(base.cvCa.keyId);
    expect(hex(base.textAp.ef0004.subarray(26, 42)).toUpperCase()).toBe(base.cvCa.signer.keyId);
    const modulus = (k: typeof base.cardKey.publicKey): string =>
      hex(Buffer.from(k.export({ format: 'jwk' }).n!, 'base64url'));
    expect(hex(base.textAp.ef0004.subarray(51, 307))).toBe(modulus(base.cvCa.signer.publicKey));
    expect(hex(base.textAp.ef0007.subarray(19, 275))).toBe(modulus(base.cardKey.publicKey));
    expect(base.cvCa.cvCaKeys()).toEqual([{ keyId: base.cvCa.keyId, publicKey: base.cvCa.publicKeySpki }]);
    expect(
      createPublicKey({ key: Buffer.from(base.cvCa.publicKeySpki), format: 'der', type: 'spki' }).asymmetricKeyType,
    ).toBe('rsa');
  });

  it('internalAuthenticate pads the DigestInfo like RSASSA-PKCS1-v1_5 SHA-256', () => {
    const sig = base.internalAuthenticate(CHALLENGE);
    expect(verify('sha256', CHALLENGE, base.cardKey.publicKey, sig)).toBe(true);
    expect(hex(sig)).toBe(hex(sign('sha256', CHALLENGE, base.cardKey.privateKey)));
  });

  it('caller bugs are TypeErrors', () => {
    const bad: SandboxCardOptions[] = [
      { myNumber: '123456789019' },
      { myNumber: '12345678901' },
      { pins: { signing: 'abc123' } },
      { pins: { signing: 'ABC12' } },
      { pins: { authentication: '12345' } },
      { pins: { textAp: 'abcd' } },
      { at: new Date(NaN) },
      { scenario: 'stolen' as never },
      { scenario: { kind: 'revoked', reason: 'cACompromise' as never } },
    ];
    for (const o of bad) expect(() => card(o), JSON.stringify(o)).toThrow(TypeError);
    expect(card({ pins: { signing: 'PASSWORD2026', textAp: '9876' } }).pins).toEqual({
      signing: 'PASSWORD2026',
      authentication: '1234',
      textAp: '9876',
    });
  });
});

describe('scenario cards, through the library', () => {
  it('valid: the signature passes with a good CRL status; the card data verifies', async () => {
    const r = await signatureReport(base);
    expect(r).toMatchObject({ indication: 'TOTAL_PASSED', revocation: { status: 'good' } });
    expect((await cardData(base)).status).toBe('verified');
  });

  it.each(JPKI_REVOCATION_REASONS)(
    'revoked (%s): the card gives the CRL entry; the report says REVOKED',
    async (reason) => {
      const c = card({ scenario: { kind: 'revoked', reason } });
      expect(c.revocation).toMatchObject({ serial: BigInt(`0x${c.signing.serial}`), reason });
      expect(c.revocation!.revokedAt.getTime()).toBeLessThan(c.at.getTime());
      // built by hand from the returned entry, as a revocation test would
      const root = c.signing.issuer;
      const crl = createCrl({
        issuerNameDer: root.subjectDer,
        issuerPrivateKey: root.privateKey,
        issuerKeyId: root.keyId,
        thisUpdate: new Date(c.at.getTime() - 60_000),
        nextUpdate: new Date(c.at.getTime() + 86_400_000),
        idpDirectoryNameDer: crlDistributionPointName('signing', c.prefecture, c.municipality),
        entries: [c.revocation!],
      });
      for (const list of [crl, createCardSigningCrl(c)]) {
        const r = await signatureReport(c, list);
        expect(r).toMatchObject({
          indication: 'TOTAL_FAILED',
          subIndication: 'REVOKED',
          revocation: { status: 'revoked' },
        });
        if (reason !== 'unspecified') expect(r.revocation.reason).toBe(reason);
      }
      // the card itself is untouched: its text AP still verifies
      expect((await cardData(c)).status).toBe('verified');
    },
  );

  it('expired', async () => {
    const c = card({ scenario: 'expired' });
    expect(c.signing.notAfter.getTime()).toBeLessThan(c.at.getTime());
    expect(c.signing.notAfter.toISOString()).toMatch(/T14:59:59\.000Z$/);
    const r = await signatureReport(c);
    expect(r.subIndication).toBe('EXPIRED');
    expect(r.errors.map((e) => e.code)).toEqual(['ERR_CERT_EXPIRED']);
  });

  it('not yet valid', async () => {
    const c = card({ scenario: 'not-yet-valid' });
    const r = await signatureReport(c);
    expect(r.subIndication).toBe('NOT_YET_VALID');
    expect(r.errors.map((e) => e.code)).toEqual(['ERR_CERT_NOT_YET_VALID']);
  });

  it('text-AP tampered: its own code, the certificates untouched', async () => {
    const c = card({ scenario: 'text-ap-tampered' });
    expect(await cardData(c)).toMatchObject({
      status: 'failed',
      errors: [{ code: 'ERR_CARD_MY_NUMBER_HASH_MISMATCH' }],
    });
    expect((await signatureReport(c)).indication).toBe('TOTAL_PASSED');
  });

  it('text AP of another person: the cross-check catches all four attributes', async () => {
    const r = await cardData(card({ scenario: 'text-ap-of-another-person' }));
    expect(r.status === 'failed' && r.errors.map((e) => e.code)).toEqual([
      'ERR_CARD_NAME_MISMATCH',
      'ERR_CARD_ADDRESS_MISMATCH',
      'ERR_CARD_BIRTH_DATE_MISMATCH',
      'ERR_CARD_SEX_MISMATCH',
    ]);
  });

  it('foreign characters: substitute positions in the report, the card data matches', async () => {
    const c = card({ scenario: 'foreign-characters' });
    const r = await signatureReport(c);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signer?.identity).toMatchObject({ nameSubstitutePositions: [0, 3], addressSubstitutePositions: [9] });
    expect((await cardData(c)).status).toBe('verified');
  });

  it('partial birth date: the report and the card data agree on 1960-04', async () => {
    const c = card({ scenario: 'partial-birth-date' });
    const r = await signatureReport(c);
    expect(r.signer?.identity).toMatchObject({ birthDate: '1960-04', birthEra: 'showa' });
    expect(await cardData(c)).toMatchObject({ status: 'verified', basicFour: { birthDate: '1960-04' } });
  });
});
