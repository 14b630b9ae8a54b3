/**
 * Round trip and tamper evidence (issue 3): the genuine bundle verifies, and changing any
 * single byte of any of the five files — or cutting or extending a file — is caught with a
 * card code (never ERR_INTERNAL, never a throw). One verifier and one certificate for all.
 */
import { describe, expect, it } from 'vitest';
import type { TextApFiles } from '../../../src/identity/my-number/types.js';
import { bundle, codes, genuine, patched, verifier } from './fixtures.js';

const FILES = ['ef0001', 'ef0002', 'ef0003', 'ef0004', 'ef0007'] as const;
const base = bundle(); // the card answers the challenge once (an RSA private operation)

async function outcome(file: keyof TextApFiles, bytes: Uint8Array): Promise<string[]> {
  const r = await verifier.verifyCardData({ ...base, textAp: { ...genuine.textAp, [file]: bytes } });
  return r.status === 'verified' ? ['VERIFIED'] : codes(r);
}

describe('every single changed byte is detected', () => {
  it('the untouched bundle verifies', async () => {
    expect((await verifier.verifyCardData(bundle())).status).toBe('verified');
  });

  for (const file of FILES) {
    it(`${file}: each byte inverted, and each byte's lowest bit flipped`, async () => {
      const original = genuine.textAp[file];
      const missed: string[] = [];
      for (let i = 0; i < original.length; i++) {
        for (const mask of [0xff, 0x01]) {
          const got = await outcome(file, patched(original, i, { mask }));
          if (got.includes('VERIFIED') || got.includes('ERR_INTERNAL') || got.length === 0)
            missed.push(`${i}^${mask}: ${got.join(',')}`);
        }
      }
      expect(missed).toEqual([]);
    });

    it(`${file}: truncated at every length and extended by a byte`, async () => {
      const original = genuine.textAp[file];
      for (let n = 0; n < original.length; n++)
        expect(await outcome(file, original.subarray(0, n))).not.toContain('VERIFIED');
      for (const b of [0x00, 0xff])
        expect(await outcome(file, Uint8Array.of(...original, b))).not.toContain('VERIFIED');
    });
  }
});
