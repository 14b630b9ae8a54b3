/**
 * The virtual card at the APDU level: every status word it can return, malformed commands,
 * access rules, PIN counters and lock-out, reset and snapshots. Origin: test/card/fixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import { SW, statusWordName, type StatusWordName } from '../../src/card/status-words.js';
import { createVirtualCard, restoreVirtualCard, type VirtualCard } from '../../src/sandbox/virtual-card.js';
import { apdu, hex, profile, signer, virtualCard } from '../card/fixtures.js';

const AID_JPKI = 'D392F000260100000001';
const AID_TEXT = 'D3921000310001010408';
const SELECT_JPKI = `00A4040C0A${AID_JPKI}`;
const SELECT_TEXT = `00A4040C0A${AID_TEXT}`;
const sel = (fid: string): string => `00A4020C02${fid}`;
const ascii = (s: string): string => Buffer.from(s, 'ascii').toString('hex');
const verifyCmd = (pin: string): string => `00200080${pin.length.toString(16).padStart(2, '0')}${ascii(pin)}`;
/** DigestInfo(SHA-256, 32 × 0x11), 51 bytes = Lc 33. */
const DI = `3031300d060960864801650304020105000420${'11'.repeat(32)}`;
const SIGN = `802A008033${DI}00`;
const INTERNAL_AUTH = `802A000033${DI}00`;

/** Sends each command in turn; returns the last response's SW as 4 hex digits and its data. */
async function run(card: VirtualCard, ...commands: string[]): Promise<{ sw: string; data: Uint8Array }> {
  let r: Uint8Array = new Uint8Array(0);
  for (const c of commands) r = await card.transmit(apdu(c));
  return { sw: hex(r.subarray(r.length - 2)).toUpperCase(), data: r.subarray(0, r.length - 2) };
}
const swOf = async (card: VirtualCard, ...commands: string[]): Promise<string> => (await run(card, ...commands)).sw;

describe('every status word the virtual card can return', () => {
  const cases: [StatusWordName, string, () => Promise<string>][] = [
    ['OK', 'SELECT JPKI-AP', () => swOf(virtualCard(), SELECT_JPKI)],
    [
      'END_OF_FILE',
      'READ BINARY past the 20-byte token label',
      () => swOf(virtualCard(), SELECT_JPKI, sel('0006'), '00B0000020'),
    ],
    [
      'VERIFY_FAILED',
      'a wrong signing password',
      () => swOf(virtualCard(), SELECT_JPKI, sel('001B'), verifyCmd('WRONG1')),
    ],
    ['WRONG_LENGTH', 'a 2-byte command', () => swOf(virtualCard(), '00A4')],
    [
      'INCOMPATIBLE_FILE',
      'READ BINARY of the signing key',
      () => swOf(virtualCard(), SELECT_JPKI, sel('001A'), '00B0000010'),
    ],
    [
      'SECURITY_STATUS_NOT_SATISFIED',
      'READ BINARY of the signing certificate, no password',
      () => swOf(virtualCard(), SELECT_JPKI, sel('0001'), '00B0000008'),
    ],
    [
      'AUTHENTICATION_BLOCKED',
      'VERIFY on a locked password',
      () => swOf(virtualCard({ counters: { signing: 0 } }), SELECT_JPKI, sel('001B'), '00200080'),
    ],
    [
      'CONDITIONS_NOT_SATISFIED',
      'internal authentication in the JPKI-AP',
      () => swOf(virtualCard(), SELECT_JPKI, INTERNAL_AUTH),
    ],
    ['NO_CURRENT_EF', 'READ BINARY with no EF selected', () => swOf(virtualCard(), SELECT_JPKI, '00B0000008')],
    ['FILE_NOT_FOUND', 'SELECT of an unknown AID', () => swOf(virtualCard(), '00A4040C0AD392F000260100000099')],
    ['INCORRECT_P1P2', 'SELECT with P1 = 01', () => swOf(virtualCard(), `00A4010C0A${AID_JPKI}`)],
    ['WRONG_OFFSET', 'READ BINARY at offset 7000', () => swOf(virtualCard(), SELECT_JPKI, sel('0002'), '00B0700008')],
    ['INS_NOT_SUPPORTED', 'GET DATA (CA)', () => swOf(virtualCard(), '00CA010100')],
    ['CLA_NOT_SUPPORTED', 'CLA A0', () => swOf(virtualCard(), `A0A4040C0A${AID_JPKI}`)],
  ];

  it.each(cases)('%s: %s', async (name, _what, send) => {
    const sw = parseInt(await send(), 16);
    expect(statusWordName(sw)).toBe(name);
  });

  it('the cases cover the whole closed set', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(Object.keys(SW)));
  });
});

describe('malformed and misaddressed commands', () => {
  it.each([
    ['1 byte', ['00'], '6700'],
    ['3 bytes', ['00A404'], '6700'],
    ['extended Lc (00 + 2 bytes)', [`00A4040C00000A${AID_JPKI}`], '6700'],
    ['Lc larger than the data', [`00A4040C0B${AID_JPKI}`], '6700'],
    ['Lc smaller than the data (2 extra bytes)', [`00A4040C08${AID_JPKI}`], '6700'],
    ['SELECT AP with Le', [`${SELECT_JPKI}00`], '6700'],
    ['SELECT AP without data', ['00A4040C'], '6700'],
    ['SELECT EF with a 3-byte id', [SELECT_JPKI, '00A4020C03000100'], '6700'],
    ['SELECT asking for FCI (P2 00)', [`00A40400 0A${AID_JPKI}`], '6A86'],
    ['SELECT EF with no application', [sel('0001')], '6A82'],
    ['SELECT EF of the other application', [SELECT_JPKI, sel('0004')], '6A82'],
    ['SELECT the card-face AP (not on the virtual card)', ['00A4040C0AD3921000310001010402'], '6A82'],
    ['READ BINARY with a short EF id (P1 b8)', [SELECT_JPKI, sel('0002'), '00B0810008'], '6A86'],
    ['READ BINARY without Le', [SELECT_JPKI, sel('0002'), '00B00000'], '6700'],
    ['READ BINARY with data', [SELECT_JPKI, sel('0002'), '00B000000100'], '6700'],
    ['READ BINARY of a PIN EF', [SELECT_JPKI, sel('0018'), '00B0000004'], '6981'],
    ['VERIFY with P2 81', [SELECT_JPKI, sel('0018'), '00200081'], '6A86'],
    ['VERIFY with P1 01', [SELECT_JPKI, sel('0018'), '00200180'], '6A86'],
    ['VERIFY with Le', [SELECT_JPKI, sel('0018'), `0020008004${ascii('1234')}00`], '6700'],
    ['VERIFY with no EF', [SELECT_JPKI, '00200080'], '6986'],
    ['VERIFY on a certificate EF', [SELECT_JPKI, sel('0002'), '00200080'], '6981'],
    ['VERIFY a 5-digit auth PIN', [SELECT_JPKI, sel('0018'), verifyCmd('12345')], '6700'],
    ['VERIFY a 17-character password', [SELECT_JPKI, sel('001B'), verifyCmd('A'.repeat(17))], '6700'],
    ['sign with CLA 00', [SELECT_JPKI, sel('001A'), `002A008033${DI}00`], '6E00'],
    ['SELECT with CLA 80', [`80A4040C0A${AID_JPKI}`], '6E00'],
    ['secure-messaging CLA 0C', [`0CA4040C0A${AID_JPKI}`], '6E00'],
    ['CHANGE REFERENCE DATA', [SELECT_JPKI, '0024008000'], '6D00'],
    ['RESET RETRY COUNTER', [SELECT_JPKI, '002C008000'], '6D00'],
    ['sign with P1 01', [SELECT_JPKI, sel('001A'), `802A018033${DI}00`], '6A86'],
    ['sign with P2 81', [SELECT_JPKI, sel('001A'), `802A008133${DI}00`], '6A86'],
    ['sign without Le', [SELECT_JPKI, sel('001A'), `802A008033${DI}`], '6700'],
    [
      'sign with Le 80 (shorter than the signature)',
      [SELECT_JPKI, sel('001B'), verifyCmd('ABC123'), sel('001A'), `802A008033${DI}80`],
      '6700',
    ],
    ['sign with no EF', [SELECT_JPKI, SIGN], '6986'],
    ['sign with a certificate EF', [SELECT_JPKI, sel('0002'), SIGN], '6981'],
    ['sign with the signing key, no password', [SELECT_JPKI, sel('001A'), SIGN], '6982'],
    [
      'sign with the auth key after the signing password',
      [SELECT_JPKI, sel('001B'), verifyCmd('ABC123'), sel('0017'), SIGN],
      '6982',
    ],
    [
      'sign 246 bytes (over k − 11)',
      [SELECT_JPKI, sel('001B'), verifyCmd('ABC123'), sel('001A'), `802A0080F6${'00'.repeat(246)}00`],
      '6700',
    ],
    ['sign in the text AP with P2 80 (no key EF there)', [SELECT_TEXT, sel('0004'), SIGN], '6981'],
    ['internal authentication with nothing selected', [INTERNAL_AUTH], '6985'],
    ['READ EF0001 without the text-AP PIN', [SELECT_TEXT, sel('0001'), '00B0000011'], '6982'],
    [
      'READ BINARY at exactly the end of the file',
      [SELECT_TEXT, sel('0011'), verifyCmd('1234'), sel('0001'), '00B0001101'],
      '6B00',
    ],
  ] as const)('%s', async (_name, commands, expected) => {
    expect(await swOf(virtualCard(), ...commands.map((c) => c.replace(/\s/g, '')))).toBe(expected);
  });
});

describe('access rules', () => {
  it('the signing certificate is readable after the signing password, the auth certificate always', async () => {
    const card = virtualCard();
    expect(await swOf(card, SELECT_JPKI, sel('000A'), '00B0000008')).toBe('9000');
    expect(await swOf(card, sel('0001'), '00B0000008')).toBe('6982');
    expect(await swOf(card, sel('001B'), verifyCmd('ABC123'), sel('0001'), '00B0000008')).toBe('9000');
  });

  it('private keys are never readable, even with their PIN verified', async () => {
    const card = virtualCard();
    expect(await swOf(card, SELECT_JPKI, sel('001B'), verifyCmd('ABC123'), sel('001A'), '00B0000001')).toBe('6981');
    expect(await swOf(card, sel('0018'), verifyCmd('1234'), sel('0017'), '00B0000001')).toBe('6981');
  });

  it('text AP: EF0001–EF0003 need the PIN, EF0004/EF0007 and internal authentication do not', async () => {
    const card = virtualCard();
    for (const f of ['0001', '0002', '0003']) expect(await swOf(card, SELECT_TEXT, sel(f), '00B0000004')).toBe('6982');
    for (const f of ['0004', '0007']) expect(await swOf(card, SELECT_TEXT, sel(f), '00B0000004')).toBe('9000');
    const r = await run(card, SELECT_TEXT, INTERNAL_AUTH);
    expect([r.sw, r.data.length]).toEqual(['9000', 256]);
    expect(await swOf(card, sel('0011'), verifyCmd('1234'), sel('0001'), '00B0000004')).toBe('9000');
  });

  it('SELECT of an application (even the same) forgets verified PINs; a failed SELECT changes nothing', async () => {
    const card = virtualCard();
    await run(card, SELECT_JPKI, sel('001B'), verifyCmd('ABC123'));
    expect(await swOf(card, '00A4040C0AD392F000260100000099', sel('0001'), '00B0000008')).toBe('9000');
    expect(await swOf(card, SELECT_JPKI, sel('0001'), '00B0000008')).toBe('6982');
  });

  it('a wrong PIN after a right one withdraws the verification', async () => {
    const card = virtualCard();
    await run(card, SELECT_JPKI, sel('001B'), verifyCmd('ABC123'));
    expect(await swOf(card, verifyCmd('WRONG1'))).toBe('63C4');
    expect(await swOf(card, sel('0001'), '00B0000008')).toBe('6982');
  });

  it('reset() (card removed) forgets selection and verification, keeps counters', async () => {
    const card = virtualCard();
    await run(card, SELECT_JPKI, sel('001B'), verifyCmd('WRONG1'), verifyCmd('ABC123'));
    await run(card, verifyCmd('WRONG1'));
    card.reset();
    expect(await swOf(card, '00B0000008')).toBe('6986');
    expect(card.triesLeft('signing')).toBe(4);
  });
});

describe('PIN counters and lock-out', () => {
  it('signing password: 5 tries, 63C4…63C0, then 6983 for everything, the right password included', async () => {
    const card = virtualCard();
    await run(card, SELECT_JPKI, sel('001B'));
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await swOf(card, verifyCmd('WRONG1')));
    expect(answers).toEqual(['63C4', '63C3', '63C2', '63C1', '63C0']);
    expect(await swOf(card, verifyCmd('ABC123'))).toBe('6983');
    expect(await swOf(card, '00200080')).toBe('6983');
    expect(await swOf(card, sel('001A'), SIGN)).toBe('6982');
  });

  it('auth PIN and text-AP PIN: 3 tries each, counted separately', async () => {
    const card = virtualCard();
    expect(await swOf(card, SELECT_JPKI, sel('0018'), '00200080')).toBe('63C3');
    expect(await swOf(card, verifyCmd('0000'))).toBe('63C2');
    expect(await swOf(card, SELECT_TEXT, sel('0011'), verifyCmd('0000'), verifyCmd('0000'), verifyCmd('0000'))).toBe(
      '63C0',
    );
    expect(await swOf(card, verifyCmd('1234'))).toBe('6983');
    expect([card.triesLeft('signing'), card.triesLeft('auth'), card.triesLeft('textAp')]).toEqual([5, 2, 0]);
  });

  it('the right PIN restores the full count; asking for tries left spends none', async () => {
    const card = virtualCard();
    await run(card, SELECT_JPKI, sel('001B'), verifyCmd('WRONG1'), verifyCmd('WRONG2'));
    expect(await swOf(card, '00200080')).toBe('63C3');
    expect(await swOf(card, '00200080')).toBe('63C3');
    expect(await swOf(card, verifyCmd('ABC123'))).toBe('9000');
    expect(await swOf(card, '00200080')).toBe('63C5');
  });
});

describe('snapshots', () => {
  it('persist the counters through onStateChange and JSON; a restored locked PIN stays locked', async () => {
    let stored = '';
    const card = virtualCard({ onStateChange: (s) => (stored = JSON.stringify(s)) });
    await run(card, SELECT_TEXT, sel('0011'), verifyCmd('0000'), verifyCmd('0000'), verifyCmd('0000'));
    const back = restoreVirtualCard(JSON.parse(stored), { signer });
    expect(back.triesLeft('textAp')).toBe(0);
    expect(await swOf(back, SELECT_TEXT, sel('0011'), verifyCmd('1234'))).toBe('6983');
    expect(await swOf(back, SELECT_JPKI, sel('001B'), verifyCmd('ABC123'), sel('0001'), '00B0000008')).toBe('9000');
  });

  it('round-trip the whole profile', async () => {
    const back = restoreVirtualCard(JSON.parse(JSON.stringify(virtualCard().snapshot())), { signer });
    expect(back.snapshot()).toEqual(virtualCard().snapshot());
  });

  it('refuse what cannot be a snapshot: wrong version, missing or out-of-range counters, bad profile', () => {
    const good = virtualCard().snapshot();
    const bad: unknown[] = [
      null,
      { ...good, v: 2 },
      { ...good, counters: { signing: 5, auth: 3 } },
      { ...good, counters: { ...good.counters, signing: 6 } },
      { ...good, counters: { ...good.counters, auth: -1 } },
      { ...good, profile: { ...good.profile, signingCertificate: '!!' } },
      { ...good, profile: { ...good.profile, keys: { ...good.profile.keys, card: { kty: 'EC' } } } },
      { ...good, profile: { ...good.profile, pins: { ...good.profile.pins, auth: '12345' } } },
    ];
    for (const s of bad) expect(() => restoreVirtualCard(s, { signer })).toThrow(TypeError);
  });

  it('refuse a profile whose PINs do not have the JPKI formats', () => {
    expect(() => createVirtualCard({ ...profile, pins: { ...profile.pins, signing: 'abc123' } }, { signer })).toThrow(
      TypeError,
    );
  });
});

it('answers one command at a time, in order, even when called concurrently', async () => {
  const card = virtualCard();
  const answers = await Promise.all(
    [SELECT_JPKI, sel('001B'), verifyCmd('ABC123'), sel('0001'), '00B0000004'].map((c) => card.transmit(apdu(c))),
  );
  expect(answers.map((a) => hex(a.subarray(a.length - 2)))).toEqual(['9000', '9000', '9000', '9000', '9000']);
  expect(hex(answers[4]!.subarray(0, 2))).toBe('3082');
});
