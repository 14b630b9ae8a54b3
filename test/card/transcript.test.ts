/**
 * The exact APDU sequence of the two flows, recorded between the protocol code and the
 * virtual card: what a reader bridge or a phone app must carry. PINs are redacted in the
 * record ('*' bytes); response data is summarised by length. Origin: test/card/fixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  createJpkiCard,
  formatTranscript,
  readCardData,
  recordingTransport,
  signDigestInfo,
} from '../../src/card/index.js';
import { encodeDigestInfo } from '../../src/cms/digest-info.js';
import { CHALLENGE, hex, sandboxCard, virtualCard } from './fixtures.js';

const DI = encodeDigestInfo('SHA-256', new Uint8Array(32).fill(0xab));
const certLength = sandboxCard.signing.der.length;
const chunks = (total: number): string[] => {
  const lines: string[] = [];
  for (let at = 8; at < total; at += 256) {
    const n = Math.min(256, total - at);
    const offset = at.toString(16).toUpperCase().padStart(4, '0');
    lines.push(
      `> 00 B0 ${offset.slice(0, 2)} ${offset.slice(2)} ${(n & 0xff).toString(16).toUpperCase().padStart(2, '0')}`,
    );
    lines.push(`< [${n} bytes] 9000`);
  }
  return lines;
};

describe('recorded transcripts', () => {
  it('signDigestInfo: SELECT AP, SELECT 001B, VERIFY, SELECT 0001, READ BINARY by header, SELECT 001A, SIGN', async () => {
    const t = recordingTransport(virtualCard());
    await signDigestInfo(createJpkiCard(t), { password: 'ABC123', digestInfo: DI });
    expect(formatTranscript(t.transcript).split('\n')).toEqual([
      '> 00 A4 04 0C 0A D392F000260100000001',
      '< 9000',
      '> 00 A4 02 0C 02 001B',
      '< 9000',
      '> 00 20 00 80 06 2A2A2A2A2A2A',
      '< 9000',
      '> 00 A4 02 0C 02 0001',
      '< 9000',
      '> 00 B0 00 00 08',
      '< [8 bytes] 9000',
      ...chunks(certLength),
      '> 00 A4 02 0C 02 001A',
      '< 9000',
      `> 80 2A 00 80 33 ${hex(DI).toUpperCase()}00`,
      '< [256 bytes] 9000',
    ]);
  });

  it('readCardData: SELECT text AP, SELECT 0011, VERIFY, the five files, internal authentication', async () => {
    const t = recordingTransport(virtualCard());
    await readCardData(createJpkiCard(t), { pin: '1234', challenge: CHALLENGE });
    const lines = formatTranscript(t.transcript).split('\n');
    expect(lines.slice(0, 8)).toEqual([
      '> 00 A4 04 0C 0A D3921000310001010408',
      '< 9000',
      '> 00 A4 02 0C 02 0011',
      '< 9000',
      '> 00 20 00 80 04 2A2A2A2A',
      '< 9000',
      '> 00 A4 02 0C 02 0001',
      '< 9000',
    ]);
    expect(lines[8]).toBe('> 00 B0 00 00 11'); // EF0001: 17 bytes, fixed
    expect(lines.filter((l) => l.startsWith('> 00 A4 02 0C 02'))).toEqual(
      ['0011', '0001', '0002', '0003', '0004', '0007'].map((f) => `> 00 A4 02 0C 02 ${f}`),
    );
    expect(lines.slice(-2)).toEqual([
      expect.stringMatching(/^> 80 2A 00 00 33 3031300D0609608648016503040201050004/),
      '< [256 bytes] 9000',
    ]);
    expect(lines.every((l) => !l.startsWith('<') || l.endsWith('9000'))).toBe(true);
  });

  it('keepPins records the exact bytes sent (tests only)', async () => {
    const t = recordingTransport(virtualCard(), { keepPins: true });
    await createJpkiCard(t).verifyPin('auth', '1234');
    expect(hex(t.transcript.at(-1)!.command)).toBe('002000800431323334');
  });
});
