/**
 * Every CardError code the protocol raises from a card or transport, with transports that
 * misbehave on purpose (a card without the application, lying file headers, short reads,
 * unknown status words, a dead or silent reader). CARD_PIN_* are in pin.test.ts, the reader
 * codes of the bridge in bridge.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { encodeResponse } from '../../src/card/apdu.js';
import {
  CARD_ERROR_CODES,
  CARD_ERROR_MESSAGES,
  CardError,
  createJpkiCard,
  readCardData,
  type CardTransport,
} from '../../src/card/index.js';
import { encodeDigestInfo } from '../../src/cms/digest-info.js';
import { CHALLENGE, hex, virtualCard, caught, codeOf } from './fixtures.js';

/** The virtual card, except where `override` answers (hex of the command → response bytes). */
function tampered(override: (cmdHex: string) => Uint8Array | undefined): CardTransport {
  const card = virtualCard();
  return { transmit: async (c) => override(hex(c)) ?? card.transmit(c) };
}
const sw = (n: number, data?: Uint8Array): Uint8Array => encodeResponse(n, data);
const DI = encodeDigestInfo('SHA-256', new Uint8Array(32));

describe('status words the protocol turns into codes', () => {
  it('CARD_APPLICATION_NOT_FOUND: SELECT of the JPKI-AP answered 6A82 (not a My Number Card)', async () => {
    const card = createJpkiCard(tampered((c) => (c.startsWith('00a4040c') ? sw(0x6a82) : undefined)));
    const e = await caught(card.selectJpkiAp());
    expect([e.code, e.sw]).toEqual(['CARD_APPLICATION_NOT_FOUND', 0x6a82]);
    expect(await codeOf(readCardData(card, { pin: '1234', challenge: CHALLENGE }))).toBe('CARD_APPLICATION_NOT_FOUND');
  });

  it('CARD_FILE_NOT_FOUND: SELECT of an EF answered 6A82', async () => {
    const card = createJpkiCard(tampered((c) => (c === '00a4020c02000a' ? sw(0x6a82) : undefined)));
    expect(await codeOf(card.readAuthenticationCertificate())).toBe('CARD_FILE_NOT_FOUND');
  });

  it('CARD_SECURITY_NOT_SATISFIED: reading the signing certificate without the password', async () => {
    const e = await caught(createJpkiCard(virtualCard()).readSigningCertificate());
    expect([e.code, e.sw]).toEqual(['CARD_SECURITY_NOT_SATISFIED', 0x6982]);
  });

  it('CARD_UNEXPECTED_STATUS: a status word outside the set, or one of the set where it makes no sense', async () => {
    const unknown = createJpkiCard(tampered((c) => (c.startsWith('00a4') ? sw(0x6f00) : undefined)));
    const e = await caught(unknown.selectJpkiAp());
    expect([e.code, e.sw]).toEqual(['CARD_UNEXPECTED_STATUS', 0x6f00]);
    expect(e.message).toMatch(/6F00/);
    const wrongLength = createJpkiCard(tampered((c) => (c.startsWith('00b0') ? sw(0x6700) : undefined)));
    expect(await codeOf(wrongLength.readSigningCaCertificate())).toBe('CARD_UNEXPECTED_STATUS');
    const tries = createJpkiCard(tampered((c) => (c === '00200080' ? sw(0x6a82) : undefined)));
    expect(await codeOf(tries.triesLeft('auth'))).toBe('CARD_UNEXPECTED_STATUS');
    const verify = createJpkiCard(tampered((c) => (c.startsWith('0020008004') ? sw(0x6985) : undefined)));
    expect(await codeOf(verify.verifyPin('auth', '1234'))).toBe('CARD_UNEXPECTED_STATUS');
  });
});

describe('CARD_DATA_MALFORMED: the card says something of the wrong shape or size', () => {
  it('a certificate EF that does not start with a SEQUENCE', async () => {
    const card = createJpkiCard(
      tampered((c) => (c === '00b0000008' ? sw(0x9000, new Uint8Array(8).fill(0x31)) : undefined)),
    );
    expect(await codeOf(card.readAuthenticationCertificate())).toBe('CARD_DATA_MALFORMED');
  });

  it('a header that announces more than the cap (a hostile bridge cannot make us read 16 MB)', async () => {
    const head = Uint8Array.of(0x30, 0x83, 0xff, 0xff, 0xff, 0, 0, 0);
    const card = createJpkiCard(tampered((c) => (c === '00b0000008' ? sw(0x9000, head) : undefined)));
    const e = await caught(card.readAuthenticationCertificate());
    expect(e.code).toBe('CARD_DATA_MALFORMED');
    expect(e.detail).toMatch(/cap/);
  });

  it('an indefinite length', async () => {
    const head = Uint8Array.of(0x30, 0x80, 0, 0, 0, 0, 0, 0);
    const card = createJpkiCard(tampered((c) => (c === '00b0000008' ? sw(0x9000, head) : undefined)));
    expect(await codeOf(card.readAuthenticationCertificate())).toBe('CARD_DATA_MALFORMED');
  });

  it('a file that ends before its header says (6282) or a chunk shorter than asked', async () => {
    const eof = createJpkiCard(tampered((c) => (c.startsWith('00b00008') ? sw(0x6282, new Uint8Array(3)) : undefined)));
    expect(await codeOf(eof.readAuthenticationCertificate())).toBe('CARD_DATA_MALFORMED');
    const short = createJpkiCard(
      tampered((c) => (c.startsWith('00b00008') ? sw(0x9000, new Uint8Array(3)) : undefined)),
    );
    expect(await codeOf(short.readAuthenticationCertificate())).toBe('CARD_DATA_MALFORMED');
  });

  it('a text-AP file with the wrong tag', async () => {
    const card = createJpkiCard(
      tampered((c) => (c === '00b0000008' ? sw(0x9000, Uint8Array.of(0xff, 0x30, 0x10, 0, 0, 0, 0, 0)) : undefined)),
    );
    await card.verifyTextApPin('1234');
    expect(await codeOf(card.readTextApFile('ef0002'))).toBe('CARD_DATA_MALFORMED');
  });

  it('a signature that is not 256 bytes', async () => {
    const card = createJpkiCard(tampered((c) => (c.startsWith('802a') ? sw(0x9000, new Uint8Array(255)) : undefined)));
    await card.verifyPin('signing', 'ABC123');
    expect(await codeOf(card.computeSignature(DI))).toBe('CARD_DATA_MALFORMED');
  });
});

describe('transport failures', () => {
  it('CARD_TRANSPORT: the transport throws, or answers less than a status word', async () => {
    const throwing = createJpkiCard({ transmit: () => Promise.reject(new Error('USB unplugged')) });
    const e = await caught(throwing.selectJpkiAp());
    expect([e.code, e.detail]).toEqual(['CARD_TRANSPORT', 'Error']);
    const short = createJpkiCard({ transmit: async () => Uint8Array.of(0x90) });
    expect(await codeOf(short.selectJpkiAp())).toBe('CARD_TRANSPORT');
  });

  it('a CardError from the transport passes through unchanged', async () => {
    const card = createJpkiCard({ transmit: () => Promise.reject(new CardError('CARD_NOT_PRESENT')) });
    expect(await codeOf(card.selectJpkiAp())).toBe('CARD_NOT_PRESENT');
  });

  it('CARD_TIMEOUT when the reader never answers; afterwards nothing more is sent (CARD_TRANSPORT)', async () => {
    let sent = 0;
    const card = createJpkiCard(
      {
        transmit: () => {
          sent++;
          return new Promise<Uint8Array>(() => undefined);
        },
      },
      { timeoutMs: 5 },
    );
    expect(await codeOf(card.selectJpkiAp())).toBe('CARD_TIMEOUT');
    const e = await caught(card.selectTextAp());
    expect([e.code, e.detail]).toEqual(['CARD_TRANSPORT', 'a previous command timed out']);
    expect(sent).toBe(1);
  });

  it('never has two commands in flight, even when verbs are called concurrently', async () => {
    const inner = virtualCard();
    let inFlight = 0;
    let most = 0;
    const card = createJpkiCard({
      async transmit(c) {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setImmediate(r));
        try {
          return await inner.transmit(c);
        } finally {
          inFlight--;
        }
      },
    });
    await Promise.all([card.readAuthenticationCertificate(), card.readSigningCaCertificate(), card.triesLeft('auth')]);
    expect(most).toBe(1);
  });

  it('options are checked (caller bugs)', () => {
    const t = virtualCard();
    expect(() => createJpkiCard(t, { readChunk: 0 })).toThrow(TypeError);
    expect(() => createJpkiCard(t, { readChunk: 257 })).toThrow(TypeError);
    expect(() => createJpkiCard(t, { timeoutMs: 0 })).toThrow(TypeError);
  });
});

it('small read chunks give the same bytes', async () => {
  const a = await createJpkiCard(virtualCard(), { readChunk: 7 }).readAuthenticationCertificate();
  const b = await createJpkiCard(virtualCard()).readAuthenticationCertificate();
  expect(hex(a)).toBe(hex(b));
});

it('every code has a one-line message', () => {
  for (const code of CARD_ERROR_CODES) expect(CARD_ERROR_MESSAGES[code]).toMatch(/^[a-z].+[^.]$/);
  expect(new CardError('CARD_PIN_WRONG', { pin: 'auth', triesLeft: 2 })).toMatchObject({
    name: 'CardError',
    code: 'CARD_PIN_WRONG',
    pin: 'auth',
    triesLeft: 2,
  });
});
