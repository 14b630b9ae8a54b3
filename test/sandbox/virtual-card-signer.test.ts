/**
 * The two card-side signers (BigInt for browsers, OpenSSL for Node) give the same bytes —
 * PKCS#1 v1.5 is deterministic — and the BigInt one guards its CRT result. Also: the profile
 * built through WebCrypto holds the sandbox card's own keys. Origin: test/card/fixtures.ts.
 */
import { createHash, createPrivateKey, randomBytes, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createJpkiCard, signDigestInfo } from '../../src/card/index.js';
import { encodeDigestInfo } from '../../src/cms/digest-info.js';
import { createVirtualCard } from '../../src/sandbox/virtual-card.js';
import { bigintRsaSigner, emsaPkcs1v15 } from '../../src/sandbox/virtual-card-signer.js';
import { nodeRsaSigner } from '../../src/sandbox/virtual-card-signer-node.js';
import { profileFromJson, profileToJson, toRsaPrivateJwk } from '../../src/sandbox/virtual-card-profile.js';
import { hex, profile, sandboxCard } from '../card/fixtures.js';

const node = nodeRsaSigner();
const big = bigintRsaSigner();

describe('card-side signers', () => {
  it('agree byte for byte on every key and hash', async () => {
    for (const key of [profile.keys.signing, profile.keys.auth, profile.keys.card])
      for (const [hash, len] of [
        ['SHA-256', 32],
        ['SHA-384', 48],
        ['SHA-512', 64],
      ] as const) {
        const di = encodeDigestInfo(hash, randomBytes(len));
        expect(hex(await big.sign(key, di))).toBe(hex(await node.sign(key, di)));
      }
  });

  it('produce signatures node:crypto verifies with the certificate key', async () => {
    const message = new TextEncoder().encode('sandbox');
    const di = encodeDigestInfo('SHA-256', createHash('sha256').update(message).digest());
    const sig = await big.sign(profile.keys.signing, di);
    expect(verify('sha256', message, sandboxCard.signing.publicKey, sig)).toBe(true);
  });

  it('a virtual card with the BigInt signer runs the whole signing flow identically', async () => {
    const di = encodeDigestInfo('SHA-256', new Uint8Array(32).fill(7));
    const a = await signDigestInfo(createJpkiCard(createVirtualCard(profile, { signer: big })), {
      password: 'ABC123',
      digestInfo: di,
    });
    const b = await signDigestInfo(createJpkiCard(createVirtualCard(profile, { signer: node })), {
      password: 'ABC123',
      digestInfo: di,
    });
    expect(hex(a.signature)).toBe(hex(b.signature));
  });

  it('the BigInt signer refuses to answer with an inconsistent CRT key (self-check)', async () => {
    const broken = { ...profile.keys.card, dp: profile.keys.signing.dp };
    await expect(big.sign(broken, encodeDigestInfo('SHA-256', new Uint8Array(32)))).rejects.toThrow(/self-check/);
  });

  it('EMSA-PKCS1-v1_5: 00 01 FF… 00 T, at most k − 11 bytes of T', () => {
    const em = emsaPkcs1v15(Uint8Array.of(1, 2, 3), 16);
    expect(hex(em)).toBe('0001ffffffffffffffffffff00010203');
    expect(() => emsaPkcs1v15(new Uint8Array(6), 16)).toThrow(TypeError);
  });
});

describe('virtual card profile', () => {
  it('holds the sandbox card keys (PKCS#8 → JWK through WebCrypto)', () => {
    const jwk = (k: typeof sandboxCard.cardKey.privateKey) => k.export({ format: 'jwk' });
    expect(profile.keys.signing.n).toBe(jwk(sandboxCard.signing.privateKey).n);
    expect(profile.keys.auth.d).toBe(jwk(sandboxCard.authentication.privateKey).d);
    expect(profile.keys.card.qi).toBe(jwk(sandboxCard.cardKey.privateKey).qi);
    expect(() => createPrivateKey({ key: { ...profile.keys.card }, format: 'jwk' })).not.toThrow();
  });

  it('round-trips through JSON', () => {
    expect(profileFromJson(JSON.parse(JSON.stringify(profileToJson(profile))))).toEqual(profile);
    expect(profileFromJson({ ...profileToJson(profile), tokenLabel: 'JPKIAPGPSETOKEN' }).tokenLabel).toBe(
      'JPKIAPGPSETOKEN',
    );
  });

  it('refuses JWKs without every RSA private field', () => {
    const { qi: _qi, ...noQi } = profile.keys.card;
    expect(() => toRsaPrivateJwk(noQi)).toThrow(TypeError);
    expect(() => toRsaPrivateJwk({ ...profile.keys.card, kty: 'EC' })).toThrow(TypeError);
    expect(() => toRsaPrivateJwk({ ...profile.keys.card, n: 'not base64url!' })).toThrow(TypeError);
  });
});
