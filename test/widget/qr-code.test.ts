/** The animated QR's proof: one negative test per rule of checkQrCode, and rotation. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { QR_MAX_AGE_SECONDS, checkQrCode, qrCode, qrSecretFrom } from '../../src/api/widget/qr-code.js';

const secret = randomBytes(32);
const id = 'hf_AAAAAAAAAAAAAAAAAAAAAA';

describe('animated QR code (HMAC of elapsed seconds)', () => {
  it('rotates every second and depends on the handoff and the secret', () => {
    const codes = new Set([0, 1, 2, 3, 4].map((t) => qrCode(secret, id, t)));
    expect(codes.size).toBe(5);
    expect(qrCode(secret, id, 7)).toBe(qrCode(secret, id, 7));
    expect(qrCode(secret, 'hf_BBBBBBBBBBBBBBBBBBBBBB', 7)).not.toBe(qrCode(secret, id, 7));
    expect(qrCode(randomBytes(32), id, 7)).not.toBe(qrCode(secret, id, 7));
    expect(qrCode(secret, id, 7)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('accepts the current code and one from the last seconds', () => {
    expect(checkQrCode(secret, id, '40', qrCode(secret, id, 40), 40)).toEqual({ ok: true, t: 40 });
    const old = 40 - QR_MAX_AGE_SECONDS;
    expect(checkQrCode(secret, id, String(old), qrCode(secret, id, old), 40)).toEqual({ ok: true, t: old });
  });

  it('malformed: t not a decimal count, code not 22 base64url characters', () => {
    for (const [t, c] of [
      ['-1', qrCode(secret, id, 1)],
      ['01', qrCode(secret, id, 1)],
      ['1e3', qrCode(secret, id, 1)],
      [1, qrCode(secret, id, 1)],
      ['1', 'short'],
      ['1', `${qrCode(secret, id, 1)}=`],
      ['1', undefined],
    ] as const)
      expect(checkQrCode(secret, id, t, c, 5)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('stale: a code older than the freshness window (a photo, a relayed screenshot)', () => {
    const t = 40 - QR_MAX_AGE_SECONDS - 1;
    expect(checkQrCode(secret, id, String(t), qrCode(secret, id, t), 40)).toEqual({ ok: false, reason: 'stale' });
  });

  it('future: a second that was never shown', () => {
    expect(checkQrCode(secret, id, '41', qrCode(secret, id, 41), 40)).toEqual({ ok: false, reason: 'future' });
  });

  it("mismatch: another second's, another handoff's or another secret's code", () => {
    expect(checkQrCode(secret, id, '40', qrCode(secret, id, 39), 40)).toEqual({ ok: false, reason: 'mismatch' });
    expect(checkQrCode(secret, id, '40', qrCode(secret, 'hf_BBBBBBBBBBBBBBBBBBBBBB', 40), 40)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(checkQrCode(secret, id, '40', qrCode(randomBytes(32), id, 40), 40)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('refuses a negative second when computing (caller bug)', () => {
    expect(() => qrCode(secret, id, -1)).toThrow(TypeError);
  });

  it('replicas derive the same QR secret from a shared key, distinct from the key itself; short keys are refused', () => {
    const key = randomBytes(32);
    expect(Buffer.from(qrSecretFrom(key))).toEqual(Buffer.from(qrSecretFrom(Uint8Array.from(key))));
    expect(Buffer.from(qrSecretFrom(key))).not.toEqual(key);
    expect(qrSecretFrom(key)).toHaveLength(32);
    expect(() => qrSecretFrom(randomBytes(16))).toThrow(TypeError);
  });
});
