/**
 * The basic four of the card (EF0002) against the signing certificate's SAN after
 * normalization (jpki-reference §3 step 5): spelling variants match, each real difference has
 * its own code, and the certificate must be a JPKI signing certificate.
 */
import { describe, expect, it } from 'vitest';
import { OID } from '../../../src/pki/oids.js';
import {
  certificatePolicies,
  keyUsage,
  type SandboxIdentity,
  type TextApBasicFour,
} from '../../../src/sandbox/index.js';
import { bundle, card, codes, genuine, pki, signedTextAp, verifier } from './fixtures.js';

const key = { privateKey: genuine.signing.privateKey, publicKey: genuine.signing.publicKey };
const certWith = (
  identity: Partial<SandboxIdentity>,
  extra: Parameters<typeof pki.issueSigningCertificate>[0] = {},
): Uint8Array =>
  pki.issueSigningCertificate({ key, serial: 0x0c0ffee0, notBefore: genuine.signing.notBefore, identity, ...extra })
    .der;

async function check(textAp: Partial<TextApBasicFour>, cert: Partial<SandboxIdentity> = {}): Promise<string[]> {
  const r = await verifier.verifyCardData(
    bundle(genuine, { textAp: signedTextAp(genuine.myNumber, textAp), signingCertificate: certWith(cert) }),
  );
  return r.status === 'verified' ? ['VERIFIED'] : codes(r);
}

describe('spellings that are the same person', () => {
  const same: [string, Partial<TextApBasicFour>, Partial<SandboxIdentity>][] = [
    ['DOB with the era digit (cert) and without (card)', {}, {}],
    ['DOB with era digit 0 (unknown) in the certificate', {}, { era: 0 }],
    ['address dash ー (cert) vs － (card)', { address: '東京都千代田区サンドボックス町１－２－３' }, {}],
    ['address dash ー (cert) vs ASCII - and digits (card)', { address: '東京都千代田区サンドボックス町1-2-3' }, {}],
    ['address dash ‐ U+2010 vs ー', { address: '東京都千代田区サンドボックス町１‐２‐３' }, {}],
    ['half-width katakana (card) vs full-width (cert)', { name: 'ｼｹﾝ　ﾊﾅｺ' }, { name: 'シケン　ハナコ' }],
    ['ASCII space (card) vs U+3000 (cert)', { name: 'シケン ハナコ' }, { name: 'シケン　ハナコ' }],
    ['full-width romaji (cert) vs ASCII mixed case (card)', { name: 'Smith John' }, { name: 'ＳＭＩＴＨ　ＪＯＨＮ' }],
    ['long vowel mark typed as a full-width minus', { name: 'ル－シ－　試験' }, { name: 'ルーシー　試験' }],
    ['sex unknown: ISO 5218 0 vs JPKI 3', { sexCode: '0' }, { sex: 'unknown' }],
    ['sex unknown: ISO 5218 9 (n/a) vs JPKI 3', { sexCode: '9' }, { sex: 'unknown' }],
    ['partial date, day unknown', { birthDate: '1960-04-00' }, { birthDate: '1960-04-00' }],
    ['partial date, month and day unknown', { birthDate: '1960-00-00' }, { birthDate: '1960-00-00' }],
  ];
  it.each(same)('%s', async (_, textAp, cert) => {
    expect(await check(textAp, cert)).toEqual(['VERIFIED']);
  });
});

describe('each attribute mismatch has its own code', () => {
  const different: [string, Partial<TextApBasicFour>, Partial<SandboxIdentity>, string][] = [
    ['name', { name: '試験　花代' }, {}, 'ERR_CARD_NAME_MISMATCH'],
    [
      'name (old kanji is not folded: 髙 vs 高)',
      { name: '髙橋　花子' },
      { name: '高橋　花子' },
      'ERR_CARD_NAME_MISMATCH',
    ],
    ['address', { address: '東京都千代田区サンドボックス町１－２－４' }, {}, 'ERR_CARD_ADDRESS_MISMATCH'],
    ['birth date', { birthDate: '1990-04-02' }, {}, 'ERR_CARD_BIRTH_DATE_MISMATCH'],
    [
      'birth date: known day vs unknown day',
      { birthDate: '1960-04-01' },
      { birthDate: '1960-04-00' },
      'ERR_CARD_BIRTH_DATE_MISMATCH',
    ],
    ['sex', { sexCode: '1' }, {}, 'ERR_CARD_SEX_MISMATCH'],
    ['sex: unknown vs female', { sexCode: '0' }, {}, 'ERR_CARD_SEX_MISMATCH'],
  ];
  it.each(different)('%s', async (_, textAp, cert, code) => {
    expect(await check(textAp, cert)).toEqual([code]);
  });

  it('the text AP of another person: all four, and nothing else', async () => {
    const other = card({ scenario: 'text-ap-of-another-person' });
    expect(codes(await verifier.verifyCardData(bundle(other)))).toEqual([
      'ERR_CARD_NAME_MISMATCH',
      'ERR_CARD_ADDRESS_MISMATCH',
      'ERR_CARD_BIRTH_DATE_MISMATCH',
      'ERR_CARD_SEX_MISMATCH',
    ]);
    // the same files alone are a genuine card: only the cross-check tells them apart
    expect((await verifier.verifyCardData(bundle(other, { signingCertificate: undefined }))).status).toBe('verified');
  });
});

describe('scenario cards that must verify', () => {
  it('foreign characters with substitute flags', async () => {
    const c = card({ scenario: 'foreign-characters' });
    const r = await verifier.verifyCardData(bundle(c));
    expect(r).toMatchObject({ status: 'verified', basicFour: { name: '高橋　吉子' } });
  });

  it('partial birth date', async () => {
    const c = card({ scenario: 'partial-birth-date' });
    const r = await verifier.verifyCardData(bundle(c));
    expect(r).toMatchObject({ status: 'verified', basicFour: { birthDate: '1960-04', birthDateRaw: '19600400' } });
  });
});

describe('the signing certificate must be a JPKI signing certificate', () => {
  const bad: [string, () => Uint8Array, string][] = [
    ['an authentication certificate', () => genuine.authentication.der, 'ERR_CERT_WRONG_PURPOSE'],
    ['a root (CA) certificate', () => genuine.signing.issuer.der, 'ERR_CERT_PROFILE'],
    ['not a certificate at all', () => new TextEncoder().encode('hello'), 'ERR_INPUT_ENCODING'],
    ['truncated DER', () => genuine.signing.der.subarray(0, 100), 'ERR_DER_TRUNCATED'],
    ['no identity attributes', () => certWith({}, { omitExtensions: [OID.subjectAltName] }), 'ERR_IDENTITY_MISSING'],
    [
      'no JPKI signing policy',
      () =>
        certWith(
          {},
          {
            replaceExtensions: [
              { oid: OID.certificatePolicies, critical: true, value: certificatePolicies(['1.2.3.4']) },
            ],
          },
        ),
      'ERR_CERT_POLICY',
    ],
    [
      'keyUsage without nonRepudiation',
      () =>
        certWith(
          {},
          { replaceExtensions: [{ oid: OID.keyUsage, critical: true, value: keyUsage(['digitalSignature']) }] },
        ),
      'ERR_CERT_KEY_USAGE',
    ],
    ['a malformed identity attribute', () => certWith({ birthDate: '1990-13-01' }), 'ERR_IDENTITY_MALFORMED'],
  ];
  it.each(bad)('%s', async (_, cert, code) => {
    expect(codes(await verifier.verifyCardData(bundle(genuine, { signingCertificate: cert() })))).toEqual([code]);
  });
});
