/** Strict parsing of each text-AP file (jpki-reference §3): every defect has its file's code. */
import { describe, expect, it } from 'vitest';
import { concat, tlv } from '../../../src/pki/der-write.js';
import { encodeRsaKeyField, textApBasicFourOf } from '../../../src/sandbox/index.js';
import { bundle, codes, genuine, patched, verifier } from './fixtures.js';

const { ef0001, ef0002, ef0003, ef0004, ef0007 } = genuine.textAp;
type File = 'ef0001' | 'ef0002' | 'ef0003' | 'ef0004' | 'ef0007';

async function codesFor(file: File, bytes: Uint8Array): Promise<string[]> {
  return codes(await verifier.verifyCardData(bundle(genuine, { textAp: { ...genuine.textAp, [file]: bytes } })));
}
const basic = textApBasicFourOf(genuine.identity);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('the files as the sandbox writes them', () => {
  it('have the layouts of jpki-reference §3', () => {
    expect(ef0001.length).toBe(17);
    expect([...ef0001.subarray(0, 3)]).toEqual([0xff, 0x10, 0x0c]);
    expect([...ef0002.subarray(0, 2)]).toEqual([0xff, 0x20]);
    expect([...ef0003.subarray(0, 2)]).toEqual([0xff, 0x30]);
    expect(ef0004.length).toBe(5 + 5 + 297 + 5 + 256);
    expect(Buffer.from(ef0004.subarray(0, 10)).toString('hex')).toBe('7f218202335f4e820129');
    expect(Buffer.from(ef0004.subarray(10, 26)).toString('hex').toUpperCase().startsWith('6000033')).toBe(true);
    expect([...ef0007.subarray(0, 2)]).toEqual([0xff, 0x50]);
  });
});

describe('ERR_CARD_EF0001_MALFORMED', () => {
  const cases: [string, Uint8Array][] = [
    ['15 bytes (no filler)', ef0001.subarray(0, 15)],
    ['18 bytes', concat(ef0001, Uint8Array.of(0xff))],
    ['empty', new Uint8Array(0)],
    ['another tag', patched(ef0001, 1, { value: 0x11 })],
    ['another length', patched(ef0001, 2, { value: 0x0d })],
    ['a letter among the digits', patched(ef0001, 7, { value: 0x41 })],
    ['a full-width digit byte', patched(ef0001, 14, { value: 0xef })],
  ];
  it.each(cases)('%s', async (_, bytes) => {
    expect(await codesFor('ef0001', bytes)).toContain('ERR_CARD_EF0001_MALFORMED');
  });
});

describe('ERR_CARD_EF0002_MALFORMED', () => {
  const withField = (tag: number, value: Uint8Array): Uint8Array => {
    // re-encode with one field replaced, offsets recomputed, so only that field is wrong
    const fields = { 0xdf22: enc(basic.name), 0xdf23: enc(basic.address), 0xdf24: enc('19900401'), 0xdf25: enc('2') };
    const rest = Object.entries({ ...fields, [tag]: value }).map(([t, v]) => tlv(Number(t), v));
    const offsets = new Uint8Array(8);
    let pos = 3 + 11 + (rest.reduce((n, r) => n + r.length, 0) + 11 >= 0x80 ? 1 : 0);
    rest.forEach((r, i) => {
      offsets[2 * i] = pos >> 8;
      offsets[2 * i + 1] = pos & 0xff;
      pos += r.length;
    });
    return tlv(0xff20, concat(tlv(0xdf21, offsets), ...rest));
  };
  const H = 3; // FF 20 L: the genuine value is shorter than 128 bytes
  const df25 = tlv(0xdf25, enc('2'));
  it('the re-encoder reproduces the genuine file', () => {
    expect(ef0002[2]).toBeLessThan(0x80);
    expect(Buffer.from(withField(0xdf25, enc('2'))).equals(Buffer.from(ef0002))).toBe(true);
  });
  const cases: [string, Uint8Array][] = [
    ['trailing byte', concat(ef0002, Uint8Array.of(0))],
    ['truncated', ef0002.subarray(0, ef0002.length - 1)],
    ['non-minimal outer length (81 xx)', concat(Uint8Array.of(0xff, 0x20, 0x81, ef0002[2]!), ef0002.subarray(H))],
    [
      'non-minimal outer length (82 00xx)',
      concat(Uint8Array.of(0xff, 0x20, 0x82, 0x00, ef0002[2]!), ef0002.subarray(H)),
    ],
    ['DF21 offset off by one', patched(ef0002, 6, { mask: 0x01 })],
    ['DF21 of 7 bytes', tlv(0xff20, concat(tlv(0xdf21, new Uint8Array(7))))],
    ['no DF25', tlv(0xff20, ef0002.subarray(H, ef0002.length - df25.length))],
    ['DF25 twice', tlv(0xff20, concat(ef0002.subarray(H), df25))],
    ['a sixth element', tlv(0xff20, concat(ef0002.subarray(H), tlv(0xdf26, enc('x'))))],
    ['invalid UTF-8 in the name', withField(0xdf22, Uint8Array.of(0xe8, 0xa9))],
    ['empty name', withField(0xdf22, new Uint8Array(0))],
    ['a control character in the address', withField(0xdf23, enc('東京都\u0007千代田区'))],
    ['a bidi override in the name', withField(0xdf22, enc('試験\u202e花子'))],
    ['a leading BOM in the name', withField(0xdf22, enc('\ufeff試験　花子'))],
    ['month 13', withField(0xdf24, enc('19901301'))],
    ['30 February', withField(0xdf24, enc('19900230'))],
    ['a day in an unknown month', withField(0xdf24, enc('19900001'))],
    ['an era digit (9 bytes)', withField(0xdf24, enc('419900401'))],
    ['sex 3 (a JPKI code, not ISO 5218)', withField(0xdf25, enc('3'))],
    ['sex as two digits', withField(0xdf25, enc('02'))],
    ['a three-byte tag', concat(Uint8Array.of(0xff, 0xa0, 0x20), ef0002.subarray(2))],
    ['length form 83', concat(Uint8Array.of(0xff, 0x20, 0x83, 0x00, 0x00, ef0002[2]!), ef0002.subarray(H))],
    ['indefinite length 80', concat(Uint8Array.of(0xff, 0x20, 0x80), ef0002.subarray(H), Uint8Array.of(0, 0))],
  ];
  it.each(cases)('%s', async (_, bytes) => {
    expect(await codesFor('ef0002', bytes)).toContain('ERR_CARD_EF0002_MALFORMED');
  });

  it('ERR_INPUT_TOO_LARGE above 2 KiB, before parsing', async () => {
    expect(await codesFor('ef0002', new Uint8Array(2049))).toContain('ERR_INPUT_TOO_LARGE');
  });
});

describe('ERR_CARD_EF0003_MALFORMED', () => {
  const inner = ef0003.subarray(5); // FF 30 82 01 4B; then DF31 (35 bytes), DF32 (35), DF33 (261)
  it('the slices are the genuine elements', () => {
    expect(Buffer.from(tlv(0xff30, inner)).equals(Buffer.from(ef0003))).toBe(true);
    expect([inner[0], inner[1], inner[35], inner[36], inner[70], inner[71]]).toEqual([
      0xdf, 0x31, 0xdf, 0x32, 0xdf, 0x33,
    ]);
  });
  const cases: [string, Uint8Array][] = [
    ['DF31 of 31 bytes', tlv(0xff30, concat(tlv(0xdf31, new Uint8Array(31)), inner.subarray(35)))],
    ['DF32 first', tlv(0xff30, concat(inner.subarray(35, 70), inner.subarray(0, 35), inner.subarray(70)))],
    ['no DF33', tlv(0xff30, inner.subarray(0, 70))],
    ['DF33 of 255 bytes', tlv(0xff30, concat(inner.subarray(0, 70), tlv(0xdf33, new Uint8Array(255))))],
    ['an extra element', tlv(0xff30, concat(inner, tlv(0xdf34, new Uint8Array(1))))],
    ['wrong outer tag', patched(ef0003, 1, { value: 0x31 })],
  ];
  it.each(cases)('%s', async (_, bytes) => {
    expect(await codesFor('ef0003', bytes)).toContain('ERR_CARD_EF0003_MALFORMED');
  });

  it('ERR_INPUT_TOO_LARGE above 1 KiB', async () => {
    expect(await codesFor('ef0003', new Uint8Array(1025))).toContain('ERR_INPUT_TOO_LARGE');
  });
});

describe('ERR_CARD_EF0004_MALFORMED', () => {
  const body = ef0004.subarray(10, 307);
  const sig = ef0004.subarray(312);
  it('the slices are the genuine elements', () => {
    expect(Buffer.from(cv(body)).equals(Buffer.from(ef0004))).toBe(true);
  });
  const cv = (b: Uint8Array, s: Uint8Array = sig): Uint8Array => tlv(0x7f21, concat(tlv(0x5f4e, b), tlv(0x5f37, s)));
  const cases: [string, Uint8Array][] = [
    ['exponent 65539', cv(patched(body, 36, { value: 0x03 }))],
    ['modulus tag 92', cv(patched(body, 37, { value: 0x92 }))],
    ['modulus of 2047 bits', cv(patched(body, 41, { value: body[41]! & 0x7f }))],
    ['an even modulus', cv(patched(body, 296, { value: body[296]! & 0xfe }))],
    ['a 296-byte body', cv(body.subarray(0, 296))],
    ['a 255-byte signature', cv(body, sig.subarray(1))],
    ['5F37 before 5F4E', tlv(0x7f21, concat(tlv(0x5f37, sig), tlv(0x5f4e, body)))],
    ['not 7F21', patched(ef0004, 1, { value: 0x4e })],
  ];
  it.each(cases)('%s', async (_, bytes) => {
    expect(await codesFor('ef0004', bytes)).toContain('ERR_CARD_EF0004_MALFORMED');
  });
});

describe('ERR_CARD_EF0007_MALFORMED', () => {
  const key = encodeRsaKeyField(genuine.cardKey.publicKey);
  const sig = ef0007.subarray(ef0007.length - 256);
  it('the slices are the genuine elements', () => {
    expect(Buffer.from(tlv(0xff50, concat(tlv(0xdf51, key), tlv(0xdf52, sig)))).equals(Buffer.from(ef0007))).toBe(true);
  });
  const cases: [string, Uint8Array][] = [
    [
      'DF51 as SPKI instead of the card form',
      tlv(
        0xff50,
        concat(
          tlv(0xdf51, new Uint8Array(genuine.cardKey.publicKey.export({ type: 'spki', format: 'der' }))),
          tlv(0xdf52, sig),
        ),
      ),
    ],
    ['no DF52', tlv(0xff50, tlv(0xdf51, key))],
    ['DF52 of 128 bytes', tlv(0xff50, concat(tlv(0xdf51, key), tlv(0xdf52, sig.subarray(128))))],
    ['exponent 65539 in DF51', tlv(0xff50, concat(tlv(0xdf51, patched(key, 4, { value: 0x03 })), tlv(0xdf52, sig)))],
    ['empty', new Uint8Array(0)],
  ];
  it.each(cases)('%s', async (_, bytes) => {
    expect(await codesFor('ef0007', bytes)).toContain('ERR_CARD_EF0007_MALFORMED');
  });

  it('ERR_INPUT_TOO_LARGE above 1 KiB', async () => {
    expect(await codesFor('ef0007', new Uint8Array(1 << 20))).toContain('ERR_INPUT_TOO_LARGE');
  });
});
