import { describe, expect, it } from 'vitest';
import { extractIdentity } from '../../src/identity/extract-identity.js';
import type { Certificate } from '../../src/pki/certificate.js';
import { concat, printable, tlv, utf8 } from '../../src/pki/der-write.js';
import { OID } from '../../src/pki/oids.js';
import { generalName } from '../../src/sandbox/index.js';
import {
  DEFAULT_ATTRIBUTES,
  authenticationCert,
  otherNameRaw,
  otherNameUtf8,
  sanWith,
  signingCertWith,
  signingCertWithSan,
  signingCertWithoutSan,
} from './fixtures.js';

const rejects = (cert: Certificate, code: 'ERR_IDENTITY_MISSING' | 'ERR_IDENTITY_MALFORMED'): void => {
  expect(() => extractIdentity(cert)).toThrowError(expect.objectContaining({ code }));
};

const SIX = [
  ['name', OID.jpkiName],
  ['name substitute flags', OID.jpkiNameSubstitute],
  ['sex', OID.jpkiSex],
  ['birth date', OID.jpkiBirthDate],
  ['address', OID.jpkiAddress],
  ['address substitute flags', OID.jpkiAddressSubstitute],
] as const;

describe('extractIdentity: ERR_IDENTITY_MISSING', () => {
  it('an authentication certificate (no identity)', () => rejects(authenticationCert(), 'ERR_IDENTITY_MISSING'));
  it('a signing certificate without subjectAltName', () => rejects(signingCertWithoutSan(), 'ERR_IDENTITY_MISSING'));
  it('a subjectAltName with only other GeneralNames', () =>
    rejects(signingCertWithSan(generalName.uri('http://example.invalid/')), 'ERR_IDENTITY_MISSING'));
  it.each(SIX)('%s (%s) absent', (_, oid) =>
    rejects(signingCertWithSan(...sanWith({ [oid]: null })), 'ERR_IDENTITY_MISSING'),
  );
});

describe('extractIdentity: ERR_IDENTITY_MALFORMED', () => {
  it.each(SIX)('%s (%s) repeated', (_, oid) => {
    const again = otherNameUtf8(oid, DEFAULT_ATTRIBUTES[oid]!);
    rejects(signingCertWithSan(...sanWith(), again), 'ERR_IDENTITY_MALFORMED');
  });

  describe('the [0] content is not exactly one UTF8String', () => {
    it.each([
      ['a PrintableString', printable('2')],
      ['two UTF8Strings', concat(utf8('2'), utf8('2'))],
      ['invalid UTF-8', tlv(0x0c, Uint8Array.of(0xc3, 0x28))],
      ['overlong UTF-8', tlv(0x0c, Uint8Array.of(0xc0, 0xb2))],
      ['a UTF-8 encoded surrogate', tlv(0x0c, Uint8Array.of(0xed, 0xa0, 0x80))],
    ])('%s', (_, inner) => {
      const entries = sanWith({ [OID.jpkiSex]: null });
      rejects(signingCertWithSan(...entries, otherNameRaw(OID.jpkiSex, inner)), 'ERR_IDENTITY_MALFORMED');
    });

    // Not DER at all: parseCertificate already refuses these (it walks the whole SAN), and
    // extraction refuses them again on its own if handed such a value directly.
    const notDer = [
      ['a UTF8String and a trailing byte', concat(utf8('2'), Uint8Array.of(0))],
      ['a constructed UTF8String', tlv(0x2c, utf8('2'))],
      ['a truncated UTF8String', Uint8Array.of(0x0c, 0x02, 0x32)],
      ['a non-minimal length', Uint8Array.of(0x0c, 0x81, 0x01, 0x32)],
      ['nothing', new Uint8Array(0)],
    ] as const;
    it.each(notDer.slice(0, 4))('%s: the certificate parser refuses it', (_, inner) => {
      const entries = sanWith({ [OID.jpkiSex]: null });
      expect(() => signingCertWithSan(...entries, otherNameRaw(OID.jpkiSex, inner))).toThrowError(
        expect.objectContaining({ code: 'ERR_CERT_MALFORMED' }),
      );
    });
    it.each(notDer)('%s: extraction refuses it too', (_, valueDer) => {
      const base = signingCertWith();
      const sans = (base.subjectAltNames ?? []).map((g) =>
        g.type === 'otherName' && g.oid === OID.jpkiSex ? { ...g, valueDer } : g,
      );
      rejects({ ...base, subjectAltNames: sans }, 'ERR_IDENTITY_MALFORMED');
    });
  });

  describe('name and address', () => {
    it.each([
      ['empty name', { [OID.jpkiName]: '', [OID.jpkiNameSubstitute]: '' }],
      ['empty address', { [OID.jpkiAddress]: '', [OID.jpkiAddressSubstitute]: '' }],
      ['a newline in the name', { [OID.jpkiName]: '試験\n花子' }],
      ['a NUL in the address', { [OID.jpkiAddress]: '東京都千代田区サンドボックス町１ー２ー\u0000' }],
      ['a bidi override in the name', { [OID.jpkiName]: '試験\u202E花子' }],
      ['a leading BOM in the name (not stripped)', { [OID.jpkiName]: '\uFEFF試験花子' }],
    ])('%s', (_, changes) => rejects(signingCertWithSan(...sanWith(changes)), 'ERR_IDENTITY_MALFORMED'));
  });

  describe('substitute flags', () => {
    it.each([
      ['a flag other than 0/1', { [OID.jpkiNameSubstitute]: '00200' }],
      ['a full-width digit', { [OID.jpkiNameSubstitute]: '0000０' }],
      ['a space', { [OID.jpkiNameSubstitute]: '00 00' }],
      ['one flag too few (name)', { [OID.jpkiNameSubstitute]: '0000' }],
      ['one flag too many (name)', { [OID.jpkiNameSubstitute]: '000000' }],
      ['one flag too few (address)', { [OID.jpkiAddressSubstitute]: '0'.repeat(19) }],
      ['one flag too many (address)', { [OID.jpkiAddressSubstitute]: '0'.repeat(21) }],
      // 𠮷 is one code point but two UTF-16 units: 6 flags for 5 characters is a mismatch.
      ['flags counted in UTF-16 units', { [OID.jpkiName]: '𠮷野　花子', [OID.jpkiNameSubstitute]: '100000' }],
    ])('%s', (_, changes) => rejects(signingCertWithSan(...sanWith(changes)), 'ERR_IDENTITY_MALFORMED'));

    it('accepts flags counted in code points', () => {
      const cert = signingCertWithSan(...sanWith({ [OID.jpkiName]: '𠮷野　花子', [OID.jpkiNameSubstitute]: '10000' }));
      expect(extractIdentity(cert).identity.nameSubstitutePositions).toEqual([0]);
    });
  });

  it.each(['0', '4', '9', '', '11', '1 ', 'M', '１'])('sex %j', (sex) =>
    rejects(signingCertWithSan(...sanWith({ [OID.jpkiSex]: sex })), 'ERR_IDENTITY_MALFORMED'),
  );

  it.each([
    ['8 digits', '19900401'],
    ['10 digits', '4199004010'],
    ['empty', ''],
    ['a letter', '41990040A'],
    ['full-width digits', '４１９９００４０１'],
    ['a dash', '41990-0401'],
    ['era 6', '619900401'],
    ['era 9', '919900401'],
    ['30 February', '520230230'],
    ['29 February in a common year', '520230229'],
    ['29 February 1900 (not a leap year)', '119000229'],
    ['month 13', '419901301'],
    ['day 32', '419900132'],
    ['day 31 in a 30-day month', '419900431'],
    ['a day in an unknown month', '419900015'],
    ['a month in an unknown year', '000000400'],
    ['a day in an unknown year and month', '000000001'],
  ])('birth date: %s', (_, dob) =>
    rejects(signingCertWithSan(...sanWith({ [OID.jpkiBirthDate]: dob })), 'ERR_IDENTITY_MALFORMED'),
  );

  it('a sandbox-issued impossible date (2023-02-30) is refused', () =>
    rejects(signingCertWith({ birthDate: '2023-02-30', era: 5 }), 'ERR_IDENTITY_MALFORMED'));

  it('error details never carry the attribute values (they reach the logs)', () => {
    const cert = signingCertWithSan(...sanWith({ [OID.jpkiName]: '試験\n花子', [OID.jpkiBirthDate]: '520230230' }));
    try {
      extractIdentity(cert);
      expect.unreachable();
    } catch (e) {
      expect(String((e as Error).message)).not.toMatch(/試験|花子|2023/);
    }
  });

  it('an unknown attribute with a known prefix but a malformed value does not matter', () => {
    const cert = signingCertWithSan(...sanWith(), otherNameRaw('1.2.392.200149.8.5.5.9', Uint8Array.of(0x05, 0x00)));
    expect(extractIdentity(cert).identity.sexCode).toBe('2');
  });
});
