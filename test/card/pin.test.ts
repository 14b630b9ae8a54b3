/**
 * PINs through the protocol code against the virtual card: formats checked before anything is
 * sent, wrong password → tries left decreasing → lock-out → further VERIFY answered 6983, and
 * no PIN in any error. Origin: test/card/fixtures.ts (PINs ABC123 / 1234 / 1234).
 */
import { describe, expect, it } from 'vitest';
import {
  createJpkiCard,
  normalizeSigningPassword,
  readCardData,
  recordingTransport,
  signDigestInfo,
  type PinKind,
} from '../../src/card/index.js';
import { encodeDigestInfo } from '../../src/cms/digest-info.js';
import { CHALLENGE, virtualCard, caught, codeOf } from './fixtures.js';

describe('wrong signing password → tries left → lock-out', () => {
  it('counts down 4, 3, 2, 1, locks on the 5th, then answers CARD_PIN_LOCKED (6983) even to the right password', async () => {
    const card = createJpkiCard(virtualCard());
    await card.selectJpkiAp();
    expect(await card.triesLeft('signing')).toBe(5);
    const seen: (number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      const e = await caught(card.verifyPin('signing', 'WRONG1'));
      expect([e.code, e.pin]).toEqual(['CARD_PIN_WRONG', 'signing']);
      seen.push(e.triesLeft);
    }
    expect(seen).toEqual([4, 3, 2, 1]);
    const last = await caught(card.verifyPin('signing', 'WRONG1'));
    expect([last.code, last.sw]).toEqual(['CARD_PIN_LOCKED', 0x63c0]);
    expect(await card.triesLeft('signing')).toBe(0);
    const after = await caught(card.verifyPin('signing', 'ABC123'));
    expect([after.code, after.pin, after.sw]).toEqual(['CARD_PIN_LOCKED', 'signing', 0x6983]);
    expect(await codeOf(card.readSigningCertificate())).toBe('CARD_SECURITY_NOT_SATISFIED');
    expect(await codeOf(card.computeSignature(encodeDigestInfo('SHA-256', new Uint8Array(32))))).toBe(
      'CARD_SECURITY_NOT_SATISFIED',
    );
    // the other PIN is unaffected
    expect(await card.triesLeft('auth')).toBe(3);
    await card.verifyPin('auth', '1234');
  });

  it('the right password after wrong ones restores 5 tries', async () => {
    const card = createJpkiCard(virtualCard());
    await codeOf(card.verifyPin('signing', 'WRONG1'));
    await codeOf(card.verifyPin('signing', 'WRONG2'));
    expect(await card.triesLeft('signing')).toBe(3);
    await card.verifyPin('signing', 'ABC123');
    expect(await card.triesLeft('signing')).toBe(5);
  });

  it('signDigestInfo on a locked card fails CARD_PIN_LOCKED without signing', async () => {
    const card = createJpkiCard(virtualCard({ counters: { signing: 0 } }));
    const di = encodeDigestInfo('SHA-256', new Uint8Array(32));
    expect(await codeOf(signDigestInfo(card, { password: 'ABC123', digestInfo: di }))).toBe('CARD_PIN_LOCKED');
  });
});

describe('4-digit PINs', () => {
  it('auth PIN: 3 tries', async () => {
    const card = createJpkiCard(virtualCard());
    expect((await caught(card.verifyPin('auth', '0000'))).triesLeft).toBe(2);
    expect((await caught(card.verifyPin('auth', '0000'))).triesLeft).toBe(1);
    expect(await codeOf(card.verifyPin('auth', '0000'))).toBe('CARD_PIN_LOCKED');
    expect(await card.triesLeft('auth')).toBe(0);
  });

  it('text-AP PIN through readCardData: CARD_PIN_WRONG with tries left, then locked', async () => {
    const card = createJpkiCard(virtualCard());
    const e = await caught(readCardData(card, { pin: '9999', challenge: CHALLENGE }));
    expect([e.code, e.pin, e.triesLeft]).toEqual(['CARD_PIN_WRONG', 'textAp', 2]);
    await caught(readCardData(card, { pin: '9999', challenge: CHALLENGE }));
    expect(await codeOf(readCardData(card, { pin: '9999', challenge: CHALLENGE }))).toBe('CARD_PIN_LOCKED');
    expect(await codeOf(readCardData(card, { pin: '1234', challenge: CHALLENGE }))).toBe('CARD_PIN_LOCKED');
    expect(await card.triesLeft('textAp')).toBe(0);
  });

  it('reading EF0001 without the text-AP PIN is CARD_SECURITY_NOT_SATISFIED', async () => {
    const card = createJpkiCard(virtualCard());
    expect(await codeOf(card.readTextApFile('ef0001'))).toBe('CARD_SECURITY_NOT_SATISFIED');
  });
});

describe('formats are checked before anything is sent (CARD_PIN_FORMAT)', () => {
  const bad: [PinKind, string][] = [
    ['signing', 'abc123'],
    ['signing', 'ABC12'],
    ['signing', 'A'.repeat(17)],
    ['signing', 'ABC 123'],
    ['signing', 'ＡＢＣ１２３'],
    ['auth', '123'],
    ['auth', '12345'],
    ['auth', '12a4'],
    ['textAp', '１２３４'],
  ];
  it.each(bad)('%s %j', async (kind, value) => {
    const transport = recordingTransport(virtualCard());
    const card = createJpkiCard(transport);
    const p = kind === 'textAp' ? card.verifyTextApPin(value) : card.verifyPin(kind, value);
    const e = await caught(p);
    expect([e.code, e.pin]).toEqual(['CARD_PIN_FORMAT', kind]);
    expect(transport.transcript).toHaveLength(0);
  });

  it('normalizeSigningPassword upper-cases typed letters', async () => {
    const card = createJpkiCard(virtualCard());
    await card.verifyPin('signing', normalizeSigningPassword('abc123'));
    expect(await card.triesLeft('signing')).toBe(5);
  });
});

it('no error message or detail ever contains the PIN or password', async () => {
  const card = createJpkiCard(virtualCard());
  const errors = [
    await caught(card.verifyPin('signing', 'SECRET9')),
    await caught(card.verifyPin('signing', 'secret9')),
    await caught(card.verifyPin('auth', '9876')),
  ];
  for (const e of errors) {
    expect(`${e.message} ${e.detail ?? ''} ${JSON.stringify(e)}`).not.toMatch(/SECRET9|secret9|9876/);
  }
});
