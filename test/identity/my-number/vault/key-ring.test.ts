import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  createVaultKeyRing,
  generateEphemeralVaultKeyRing,
  parseVaultKeys,
} from '../../../../src/identity/my-number/vault/index.js';

const b64 = (n: number): string => randomBytes(n).toString('base64');

describe('parseVaultKeys (GATEWAY_VAULT_KEYS)', () => {
  it('accepts [{ id, key }] with the first key active', () => {
    const json = JSON.stringify([
      { id: 'k2', key: b64(32) },
      { id: 'k1', key: b64(32) },
    ]);
    const parsed = parseVaultKeys(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const ring = createVaultKeyRing(parsed.keys);
    expect(ring.active.id).toBe('k2');
    expect(ring.ids).toEqual(['k2', 'k1']);
  });

  it('reports every problem at once and never echoes key material', () => {
    const secret = b64(31);
    const parsed = parseVaultKeys(
      JSON.stringify([
        { id: 'k1', key: secret },
        { id: 'k1', key: b64(32) },
        { id: 'bad id', key: 'not base64!' },
        { id: 'k4', key: b64(32), extra: 1 },
      ]),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(5);
    expect(parsed.problems.join('\n')).not.toContain(secret);
  });

  it('refuses non-JSON, non-arrays and empty rings', () => {
    for (const bad of ['', 'nope', '{}', '[]', '"k"']) expect(parseVaultKeys(bad).ok, bad).toBe(false);
  });
});

describe('createVaultKeyRing', () => {
  it('throws TypeError for caller bugs (wrong size, duplicate, bad id, empty)', () => {
    expect(() => createVaultKeyRing([])).toThrow(TypeError);
    expect(() => createVaultKeyRing([{ id: 'k1', key: new Uint8Array(16) }])).toThrow(TypeError);
    expect(() => createVaultKeyRing([{ id: 'a.b', key: new Uint8Array(32) }])).toThrow(TypeError);
    const k = { id: 'k1', key: new Uint8Array(32) };
    expect(() => createVaultKeyRing([k, k])).toThrow(TypeError);
  });

  it('keeps keys as KeyObjects that do not print their bytes', () => {
    const raw = randomBytes(32);
    const ring = createVaultKeyRing([{ id: 'k1', key: raw }]);
    expect(inspect(ring, { depth: 5 })).not.toContain(raw.toString('hex'));
    expect(JSON.stringify(ring)).not.toContain(raw.toString('base64'));
  });

  it('sandbox: an ephemeral ring has one fresh key per call', () => {
    const a = generateEphemeralVaultKeyRing();
    const b = generateEphemeralVaultKeyRing();
    expect(a.ids).toHaveLength(1);
    expect(a.active.id).not.toBe(b.active.id);
  });
});
