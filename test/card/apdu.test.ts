/** Short APDU encoding/decoding, the status-word helpers, byte helpers and TLV header lengths. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeResponse, encodeCommand, encodeResponse, parseCommand } from '../../src/card/apdu.js';
import { fromBase64, fromHex, fromPem, toBase64, toHex } from '../../src/card/bytes.js';
import { CardError } from '../../src/card/card-error.js';
import { tlvTotalLength } from '../../src/card/read-file.js';
import { SW, describeStatusWord, statusWordName, triesLeftOf, verifyFailed } from '../../src/card/status-words.js';
import { hex } from './fixtures.js';

describe('encodeCommand', () => {
  it('writes the four short cases', () => {
    expect(hex(encodeCommand({ cla: 0, ins: 0x20, p1: 0, p2: 0x80 }))).toBe('00200080');
    expect(hex(encodeCommand({ cla: 0, ins: 0xb0, p1: 1, p2: 2, le: 256 }))).toBe('00b0010200');
    expect(hex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 8 }))).toBe('00b0000008');
    expect(hex(encodeCommand({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: Uint8Array.of(0, 0x1b) }))).toBe(
      '00a4020c02001b',
    );
    expect(hex(encodeCommand({ cla: 0x80, ins: 0x2a, p1: 0, p2: 0x80, data: Uint8Array.of(9), le: 256 }))).toBe(
      '802a00800109' + '00',
    );
  });

  it('refuses what a short APDU cannot carry (caller bugs: TypeError)', () => {
    const base = { cla: 0, ins: 0xb0, p1: 0, p2: 0 };
    expect(() => encodeCommand({ ...base, cla: 256 })).toThrow(TypeError);
    expect(() => encodeCommand({ ...base, p1: -1 })).toThrow(TypeError);
    expect(() => encodeCommand({ ...base, data: new Uint8Array(0) })).toThrow(TypeError);
    expect(() => encodeCommand({ ...base, data: new Uint8Array(256) })).toThrow(TypeError);
    expect(() => encodeCommand({ ...base, le: 0 })).toThrow(TypeError);
    expect(() => encodeCommand({ ...base, le: 257 })).toThrow(TypeError);
  });

  it('parseCommand reads back what encodeCommand writes', () => {
    for (const c of [
      { cla: 0, ins: 0x20, p1: 0, p2: 0x80 },
      { cla: 0, ins: 0xb0, p1: 0x12, p2: 0x34, le: 256 },
      { cla: 0, ins: 0xa4, p1: 4, p2: 0x0c, data: Uint8Array.of(1, 2, 3) },
      { cla: 0x80, ins: 0x2a, p1: 0, p2: 0, data: new Uint8Array(255).fill(5), le: 17 },
    ]) {
      const parsed = parseCommand(encodeCommand(c));
      expect(parsed).toEqual({ ok: true, command: c });
    }
    expect(parseCommand(Uint8Array.of(0, 0xa4, 4))).toEqual({ ok: false });
    expect(parseCommand(Uint8Array.of(0, 0xa4, 4, 0x0c, 0, 0, 1, 9))).toEqual({ ok: false });
  });
});

describe('decodeResponse', () => {
  it('splits data and SW1 SW2', () => {
    expect(decodeResponse(Uint8Array.of(1, 2, 0x90, 0))).toEqual({ data: Uint8Array.of(1, 2), sw: 0x9000 });
    expect(decodeResponse(encodeResponse(0x63c2))).toEqual({ data: new Uint8Array(0), sw: 0x63c2 });
  });

  it('a response shorter than a status word is CARD_TRANSPORT', () => {
    for (const r of [new Uint8Array(0), Uint8Array.of(0x90)]) {
      expect(() => decodeResponse(r)).toThrow(CardError);
      try {
        decodeResponse(r);
      } catch (e) {
        expect((e as CardError).code).toBe('CARD_TRANSPORT');
      }
    }
  });
});

describe('status words', () => {
  it('name every member of the closed set and nothing else', () => {
    for (const [name, sw] of Object.entries(SW)) expect(statusWordName(sw)).toBe(name);
    expect(statusWordName(0x63c3)).toBe('VERIFY_FAILED');
    expect(statusWordName(0x6f00)).toBeUndefined();
    expect(statusWordName(0x6a80)).toBeUndefined();
  });

  it('63Cx carries the tries left', () => {
    expect(triesLeftOf(verifyFailed(4))).toBe(4);
    expect(triesLeftOf(0x63c0)).toBe(0);
    expect(triesLeftOf(0x9000)).toBeUndefined();
    expect(() => verifyFailed(16)).toThrow(TypeError);
  });

  it('describe themselves for error details', () => {
    expect(describeStatusWord(0x6982)).toBe('6982 security status not satisfied');
    expect(describeStatusWord(0x63c2)).toMatch(/^63C2 .*2 tries left$/);
    expect(describeStatusWord(0x6f00)).toMatch(/^6F00 \(not a status word/);
  });
});

describe('byte helpers (browser-safe, compared with Buffer)', () => {
  it('hex and base64 agree with Buffer on random input', () => {
    for (let n = 0; n < 40; n++) {
      const b = new Uint8Array(randomBytes(n));
      expect(toHex(b)).toBe(Buffer.from(b).toString('hex'));
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
      expect(hex(fromBase64(Buffer.from(b).toString('base64')))).toBe(hex(b));
      expect(hex(fromBase64(Buffer.from(b).toString('base64url')))).toBe(hex(b));
      expect(hex(fromHex(Buffer.from(b).toString('hex')))).toBe(hex(b));
    }
  });

  it('refuse what is not hex, base64 or the PEM label asked for', () => {
    expect(() => fromHex('abc')).toThrow(TypeError);
    expect(() => fromHex('zz')).toThrow(TypeError);
    expect(() => fromBase64('a b=')).toThrow(TypeError);
    expect(() => fromBase64('abcde')).toThrow(TypeError);
    expect(() => fromPem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', 'PRIVATE KEY')).toThrow(
      TypeError,
    );
  });
});

describe('tlvTotalLength', () => {
  it.each([
    ['3082069f', 4 + 0x069f],
    ['308181', 3 + 0x81],
    ['3005', 7],
    ['ff2082012c', 5 + 300],
    ['7f2182022a', 5 + 0x22a],
    ['ff100c', 15],
  ])('%s → %i', (h, total) => {
    expect(tlvTotalLength(fromHex(`${h}00000000`))).toBe(total);
  });

  it.each(['3080', '3084ffffffff', 'ffffffff01', '30'])('%s → undefined (indefinite, absurd or truncated)', (h) => {
    expect(tlvTotalLength(fromHex(h))).toBeUndefined();
  });
});
