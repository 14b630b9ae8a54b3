import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../../src/errors.js';
import { openMyNumber, sealMyNumber } from '../../../../src/identity/my-number/vault/index.js';
import { FAKE_DIGITS, fakeMyNumber, ring } from './fixtures.js';

const A = { tenantId: 'acme', sessionId: 'ses_AAAAAAAAAAAAAAAAAAAAAA' };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof GatewayError) return e.code;
    throw e;
  }
  throw new Error('did not throw');
}

describe('sealMyNumber / openMyNumber (AES-256-GCM envelope)', () => {
  it('round-trips and names the active key id; the sealed text never holds the digits', () => {
    const r = ring('k1');
    const { sealed, keyId } = sealMyNumber(r, A, fakeMyNumber());
    expect(keyId).toBe('k1');
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(sealed).not.toContain(FAKE_DIGITS);
    expect(openMyNumber(r, A, sealed).reveal()).toBe(FAKE_DIGITS);
  });

  it('uses a fresh data key and IVs per record (same number, different ciphertexts)', () => {
    const r = ring('k1');
    const a = sealMyNumber(r, A, fakeMyNumber()).sealed;
    const b = sealMyNumber(r, A, fakeMyNumber()).sealed;
    expect(a).not.toBe(b);
    expect(new Set(a.split('.').slice(2)).size).toBe(4);
  });

  it('binds tenant and session: a record moved elsewhere fails with ERR_VAULT_DECRYPT', () => {
    const r = ring('k1');
    const { sealed } = sealMyNumber(r, A, fakeMyNumber());
    expect(codeOf(() => openMyNumber(r, { ...A, sessionId: 'ses_BBBBBBBBBBBBBBBBBBBBBB' }, sealed))).toBe(
      'ERR_VAULT_DECRYPT',
    );
    expect(codeOf(() => openMyNumber(r, { ...A, tenantId: 'other' }, sealed))).toBe('ERR_VAULT_DECRYPT');
  });

  it('any flipped byte in any part fails closed (ERR_VAULT_DECRYPT or ERR_VAULT_RECORD_MALFORMED)', () => {
    const r = ring('k1');
    const { sealed } = sealMyNumber(r, A, fakeMyNumber());
    const parts = sealed.split('.');
    for (let p = 2; p < parts.length; p++) {
      const bytes = Buffer.from(parts[p]!, 'base64url');
      for (let i = 0; i < bytes.length; i++) {
        const t = Buffer.from(bytes);
        t[i]! ^= 0x01;
        const mutated = [...parts.slice(0, p), t.toString('base64url'), ...parts.slice(p + 1)].join('.');
        expect(['ERR_VAULT_DECRYPT', 'ERR_VAULT_RECORD_MALFORMED']).toContain(
          codeOf(() => openMyNumber(r, A, mutated)),
        );
      }
    }
  });

  it('a key id not in the ring is ERR_VAULT_KEY_UNKNOWN; a renamed key id fails authentication', () => {
    const { sealed } = sealMyNumber(ring('k1'), A, fakeMyNumber());
    expect(codeOf(() => openMyNumber(ring('k2'), A, sealed))).toBe('ERR_VAULT_KEY_UNKNOWN');
    // same key bytes under another id: the id is authenticated data, so moving it fails
    expect(codeOf(() => openMyNumber(ring('k1', 'k3'), A, sealed.replace('v1.k1.', 'v1.k3.')))).toBe(
      'ERR_VAULT_DECRYPT',
    );
  });

  it('malformed records are ERR_VAULT_RECORD_MALFORMED', () => {
    const r = ring('k1');
    const { sealed } = sealMyNumber(r, A, fakeMyNumber());
    for (const bad of [
      '',
      'v1',
      sealed.replace(/^v1/, 'v2'),
      `${sealed}.x`,
      sealed.replace(/\.[^.]+$/, '.'),
      'v1.k1.a.b.c.d',
    ])
      expect(codeOf(() => openMyNumber(r, A, bad))).toBe('ERR_VAULT_RECORD_MALFORMED');
  });

  it('rotation without downtime: [k2, k1] opens k1 records and seals with k2; dropping k1 strands only old records', () => {
    const old = sealMyNumber(ring('k1'), A, fakeMyNumber()).sealed;
    const rotated = ring('k2', 'k1');
    expect(openMyNumber(rotated, A, old).reveal()).toBe(FAKE_DIGITS);
    const fresh = sealMyNumber(rotated, A, fakeMyNumber());
    expect(fresh.keyId).toBe('k2');
    expect(openMyNumber(ring('k2'), A, fresh.sealed).reveal()).toBe(FAKE_DIGITS);
    expect(codeOf(() => openMyNumber(ring('k2'), A, old))).toBe('ERR_VAULT_KEY_UNKNOWN');
  });
});
