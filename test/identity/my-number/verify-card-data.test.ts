import { describe, expect, it } from 'vitest';
import { createVerifier } from '../../../src/index.js';
import { createSandboxCvCa } from '../../../src/sandbox/index.js';
import { CHALLENGE, bundle, card, codes, cvCa, genuine, signedTextAp, verifier } from './fixtures.js';

describe('verifyCardData: a genuine card', () => {
  it('verifies and returns the My Number (redacted) and the card basic four', async () => {
    const r = await verifier.verifyCardData(bundle());
    expect(r.status).toBe('verified');
    if (r.status !== 'verified') return;
    expect(r.myNumber.reveal()).toBe(genuine.myNumber);
    expect(String(r.myNumber)).toBe('[MyNumber redacted]');
    expect(r.crossCheck).toBe('matched');
    expect(r.basicFour).toEqual({
      name: '試験　花子',
      nameNormalized: '試験　花子',
      // the card writes － (U+FF0D) where the certificate has ー (U+30FC)
      address: '東京都千代田区サンドボックス町１－２－３',
      addressNormalized: '東京都千代田区サンドボックス町1-2-3',
      birthDate: '1990-04-01',
      birthDateRaw: '19900401',
      sex: 'female',
      sexCode: '2',
    });
  });

  it('verifies without a signing certificate (no cross-check, said so)', async () => {
    const r = await verifier.verifyCardData(bundle(genuine, { signingCertificate: undefined }));
    expect(r).toMatchObject({ status: 'verified', crossCheck: 'not_checked' });
  });

  it('accepts the signing certificate as PEM too', async () => {
    const r = await verifier.verifyCardData(
      bundle(genuine, { signingCertificate: new TextEncoder().encode(genuine.signing.pem) }),
    );
    expect(r.status).toBe('verified');
  });

  it('ignores at (nothing in the text AP expires)', async () => {
    const r = await verifier.verifyCardData(bundle(genuine, { at: new Date('2099-01-01T00:00:00Z') }));
    expect(r.status).toBe('verified');
  });
});

describe('verifyCardData: the chain of trust', () => {
  it('ERR_CARD_CV_CA_UNKNOWN: no CV CA configured (the default fails closed)', async () => {
    expect(codes(await createVerifier().verifyCardData(bundle()))).toEqual(['ERR_CARD_CV_CA_UNKNOWN']);
  });

  it('ERR_CARD_CV_CA_UNKNOWN: only another CV CA configured', async () => {
    const other = createSandboxCvCa('another-cv-ca');
    expect(codes(await createVerifier({ cvCaKeys: other.cvCaKeys() }).verifyCardData(bundle()))).toEqual([
      'ERR_CARD_CV_CA_UNKNOWN',
    ]);
  });

  it('ERR_CARD_CV_SIGNATURE_INVALID: the key id is configured with another key', async () => {
    const other = createSandboxCvCa('another-cv-ca');
    const v = createVerifier({ cvCaKeys: [{ keyId: cvCa.keyId.toLowerCase(), publicKey: other.publicKeySpki }] });
    expect(codes(await v.verifyCardData(bundle()))).toEqual(['ERR_CARD_CV_SIGNATURE_INVALID']);
  });

  it('ERR_CARD_INTEGRITY_SIGNATURE_INVALID: DF33 changed', async () => {
    const ef0003 = genuine.textAp.ef0003.slice();
    ef0003[ef0003.length - 1]! ^= 1;
    expect(codes(await verifier.verifyCardData(bundle(genuine, { textAp: { ...genuine.textAp, ef0003 } })))).toEqual([
      'ERR_CARD_INTEGRITY_SIGNATURE_INVALID',
    ]);
  });

  it('ERR_CARD_KEY_SIGNATURE_INVALID: DF52 changed', async () => {
    const ef0007 = genuine.textAp.ef0007.slice();
    ef0007[ef0007.length - 1]! ^= 1;
    expect(codes(await verifier.verifyCardData(bundle(genuine, { textAp: { ...genuine.textAp, ef0007 } })))).toEqual([
      'ERR_CARD_KEY_SIGNATURE_INVALID',
    ]);
  });

  it("ERR_CARD_KEY_SIGNATURE_INVALID: a genuine card's EF0007 spliced onto someone else's copied files", async () => {
    // The attacker owns a genuine card (its own EF0007 and key) and copied the victim's EF0001–EF0004.
    const attacker = card({ scenario: 'text-ap-of-another-person' });
    const input = bundle(genuine, {
      textAp: { ...genuine.textAp, ef0007: attacker.textAp.ef0007 },
      challengeSignature: attacker.internalAuthenticate(CHALLENGE),
    });
    expect(codes(await verifier.verifyCardData(input))).toEqual(['ERR_CARD_KEY_SIGNATURE_INVALID']);
  });

  it('ERR_CARD_MY_NUMBER_HASH_MISMATCH: EF0001 replaced (the tampered scenario card)', async () => {
    const tampered = card({ scenario: 'text-ap-tampered' });
    expect(codes(await verifier.verifyCardData(bundle(tampered)))).toEqual(['ERR_CARD_MY_NUMBER_HASH_MISMATCH']);
  });

  it('ERR_CARD_BASIC_FOUR_HASH_MISMATCH: EF0002 from another signed text AP', async () => {
    const other = signedTextAp(genuine.myNumber, { address: '東京都千代田区サンドボックス町１－２－４' });
    const r = await verifier.verifyCardData(bundle(genuine, { textAp: { ...genuine.textAp, ef0002: other.ef0002 } }));
    expect(codes(r)).toEqual(['ERR_CARD_BASIC_FOUR_HASH_MISMATCH', 'ERR_CARD_ADDRESS_MISMATCH']);
  });
});

describe('verifyCardData: presence of the card (challenge)', () => {
  it('ERR_CARD_CHALLENGE_SIGNATURE_INVALID: an answer to another challenge (replay)', async () => {
    const old = genuine.internalAuthenticate(new Uint8Array(32).fill(1));
    expect(codes(await verifier.verifyCardData(bundle(genuine, { challengeSignature: old })))).toEqual([
      'ERR_CARD_CHALLENGE_SIGNATURE_INVALID',
    ]);
  });

  it('ERR_CARD_CHALLENGE_SIGNATURE_INVALID: signed with the JPKI signing key instead of the card key', async () => {
    const { sign } = await import('node:crypto');
    const sig = new Uint8Array(sign('sha256', CHALLENGE, genuine.signing.privateKey));
    expect(codes(await verifier.verifyCardData(bundle(genuine, { challengeSignature: sig })))).toEqual([
      'ERR_CARD_CHALLENGE_SIGNATURE_INVALID',
    ]);
  });

  it('ERR_CARD_CHALLENGE_SIGNATURE_INVALID: empty, short or oversized answers', async () => {
    const good = genuine.internalAuthenticate(CHALLENGE);
    for (const sig of [new Uint8Array(0), good.subarray(1), new Uint8Array([...good, 0]), new Uint8Array(1 << 20)]) {
      expect(codes(await verifier.verifyCardData(bundle(genuine, { challengeSignature: sig })))).toEqual([
        'ERR_CARD_CHALLENGE_SIGNATURE_INVALID',
      ]);
    }
  });
});

describe('verifyCardData: the number', () => {
  it('ERR_MY_NUMBER_CHECK_DIGIT: a J-LIS-signed EF0001 whose check digit is wrong', async () => {
    const textAp = signedTextAp('123456789019');
    const r = await verifier.verifyCardData(bundle(genuine, { textAp }));
    expect(codes(r)).toEqual(['ERR_MY_NUMBER_CHECK_DIGIT']);
  });

  it('collects every independent failure, not only the first', async () => {
    const textAp = signedTextAp('123456789019', { sexCode: '1' });
    const r = await verifier.verifyCardData(bundle(genuine, { textAp, challengeSignature: new Uint8Array(256) }));
    expect(codes(r)).toEqual([
      'ERR_CARD_CHALLENGE_SIGNATURE_INVALID',
      'ERR_MY_NUMBER_CHECK_DIGIT',
      'ERR_CARD_SEX_MISMATCH',
    ]);
  });
});

describe('verifyCardData: caller bugs are TypeErrors', () => {
  const bad: [string, unknown][] = [
    ['no input', undefined],
    ['no textAp', { ...bundle(), textAp: undefined }],
    ['a file as a string', { ...bundle(), textAp: { ...genuine.textAp, ef0003: 'x' } }],
    ['a missing file', { ...bundle(), textAp: { ...genuine.textAp, ef0007: undefined } }],
    ['challenge as an array', { ...bundle(), challenge: [1, 2, 3] }],
    ['a 15-byte challenge', { ...bundle(), challenge: new Uint8Array(15) }],
    ['a 1025-byte challenge', { ...bundle(), challenge: new Uint8Array(1025) }],
    ['no challenge signature', { ...bundle(), challengeSignature: undefined }],
    ['a certificate as a string', { ...bundle(), signingCertificate: 'MII…' }],
    ['an invalid at', { ...bundle(), at: new Date(NaN) }],
  ];
  it.each(bad)('%s', async (_, input) => {
    await expect(verifier.verifyCardData(input as never)).rejects.toThrow(TypeError);
  });

  it('bad cvCaKeys configuration throws at createVerifier', () => {
    const spki = cvCa.publicKeySpki;
    for (const cvCaKeys of [
      'x',
      [{ keyId: 'zz', publicKey: spki }],
      [{ keyId: cvCa.keyId.slice(2), publicKey: spki }],
      [{ keyId: cvCa.keyId, publicKey: 'spki' }],
      [{ keyId: cvCa.keyId, publicKey: new Uint8Array([0x30, 0x00]) }],
      [
        { keyId: cvCa.keyId, publicKey: spki },
        { keyId: cvCa.keyId.toLowerCase(), publicKey: spki },
      ],
    ]) {
      expect(() => createVerifier({ cvCaKeys: cvCaKeys as never })).toThrow(TypeError);
    }
  });
});
