import { constants, createHash, generateKeyPairSync, privateEncrypt, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyRawSignature, type VerifyRawSignatureInput } from '../../src/cms/verify-raw-signature.js';
import { HASH_LENGTH, NODE_HASH, type HashName } from '../../src/pki/algorithms.js';
import { OID } from '../../src/pki/oids.js';
import { ec384Leaf, ecLeaf, expectCode, leaf, otherLeaf, weakLeaf } from './fixtures.js';

const message = new TextEncoder().encode('ローン契約書 第12条 — 電子署名対象');
const digestOf = (hash: HashName, data = message) => createHash(NODE_HASH[hash]).update(data).digest();

/** What the Digital Agency's app returns: PKCS#1 v1.5 over DigestInfo(digest), i.e. a plain RSA signature. */
function rawRsa(hash: HashName, key = leaf.privateKey): VerifyRawSignatureInput {
  return {
    unverifiedSignatureValue: sign(NODE_HASH[hash], message, key),
    unverifiedCertificate: leaf.der,
    digest: digestOf(hash),
    digestAlgorithm: hash,
  };
}

const flip = (b: Uint8Array, i = b.length - 1) => {
  const out = Uint8Array.from(b);
  out[i]! ^= 0x01;
  return out;
};

describe('verifyRawSignature: RSA PKCS#1 v1.5 over DigestInfo', () => {
  it.each(['SHA-256', 'SHA-384', 'SHA-512'] as const)('%s verifies', (hash) => {
    const r = verifyRawSignature(rawRsa(hash));
    expect(r.digestAlgorithm).toBe(hash);
    expect(r.signatureAlgorithm.kind).toBe('rsa-pkcs1');
    expect(r.signatureAlgorithm.hash).toBe(hash);
    expect(r.signerCertificate.serialHex).toBe(leaf.serial.toLowerCase());
  });

  it('ERR_SIGNATURE_INVALID: changed digest, changed signature, wrong key, wrong length, leading zero byte', () => {
    const ok = rawRsa('SHA-256');
    expectCode(() => verifyRawSignature({ ...ok, digest: flip(ok.digest) }), 'ERR_SIGNATURE_INVALID');
    expectCode(
      () => verifyRawSignature({ ...ok, unverifiedSignatureValue: flip(ok.unverifiedSignatureValue) }),
      'ERR_SIGNATURE_INVALID',
    );
    expectCode(() => verifyRawSignature(rawRsa('SHA-256', otherLeaf.privateKey)), 'ERR_SIGNATURE_INVALID');
    expectCode(
      () => verifyRawSignature({ ...ok, unverifiedSignatureValue: ok.unverifiedSignatureValue.subarray(1) }),
      'ERR_SIGNATURE_INVALID',
    );
    const padded = Uint8Array.from([0, ...ok.unverifiedSignatureValue]);
    expectCode(() => verifyRawSignature({ ...ok, unverifiedSignatureValue: padded }), 'ERR_SIGNATURE_INVALID');
    expectCode(
      () => verifyRawSignature({ ...ok, unverifiedSignatureValue: new Uint8Array(256).fill(0xff) }),
      'ERR_SIGNATURE_INVALID',
    );
    expectCode(
      () => verifyRawSignature({ ...ok, unverifiedSignatureValue: new Uint8Array(0) }),
      'ERR_SIGNATURE_INVALID',
    );
  });

  it('ERR_SIGNATURE_INVALID: a bare digest or a DigestInfo without NULL parameters is not what we verify', () => {
    const d = digestOf('SHA-256');
    const bare = privateEncrypt({ key: leaf.privateKey, padding: constants.RSA_PKCS1_PADDING }, d);
    expectCode(
      () => verifyRawSignature({ ...rawRsa('SHA-256'), unverifiedSignatureValue: bare }),
      'ERR_SIGNATURE_INVALID',
    );
    const noNull = Buffer.concat([Buffer.from('302f300b06096086480165030402010420', 'hex'), d]);
    const sig = privateEncrypt({ key: leaf.privateKey, padding: constants.RSA_PKCS1_PADDING }, noNull);
    expectCode(
      () => verifyRawSignature({ ...rawRsa('SHA-256'), unverifiedSignatureValue: sig }),
      'ERR_SIGNATURE_INVALID',
    );
    // a SHA-512 DigestInfo is not accepted as a SHA-256 one even if the first 32 bytes match
    const long = sign('sha512', message, leaf.privateKey);
    expectCode(
      () => verifyRawSignature({ ...rawRsa('SHA-256'), unverifiedSignatureValue: long }),
      'ERR_SIGNATURE_INVALID',
    );
  });

  it('ERR_RAW_DIGEST_LENGTH: digest length differs from the algorithm', () => {
    const ok = rawRsa('SHA-256');
    expectCode(() => verifyRawSignature({ ...ok, digest: ok.digest.subarray(1) }), 'ERR_RAW_DIGEST_LENGTH');
    expectCode(
      () => verifyRawSignature({ ...ok, digest: new Uint8Array(HASH_LENGTH['SHA-384']) }),
      'ERR_RAW_DIGEST_LENGTH',
    );
    expectCode(() => verifyRawSignature({ ...ok, digest: new Uint8Array(0) }), 'ERR_RAW_DIGEST_LENGTH');
  });

  it('ERR_ALG_NOT_ALLOWED: SHA-1 or an unknown digest algorithm name', () => {
    const ok = rawRsa('SHA-256');
    expectCode(
      () => verifyRawSignature({ ...ok, digestAlgorithm: 'SHA-1' as never, digest: new Uint8Array(20) }),
      'ERR_ALG_NOT_ALLOWED',
    );
    expectCode(() => verifyRawSignature({ ...ok, digestAlgorithm: 'toString' as never }), 'ERR_ALG_NOT_ALLOWED');
  });

  it('ERR_KEY_TOO_WEAK: RSA-1024 certificate', () => {
    const sig = sign('sha256', message, weakLeaf.privateKey);
    expectCode(
      () =>
        verifyRawSignature({
          ...rawRsa('SHA-256'),
          unverifiedCertificate: weakLeaf.der,
          unverifiedSignatureValue: sig,
        }),
      'ERR_KEY_TOO_WEAK',
    );
  });

  it('certificate errors keep their codes; oversize signature values are refused', () => {
    const ok = rawRsa('SHA-256');
    expectCode(
      () => verifyRawSignature({ ...ok, unverifiedCertificate: leaf.der.subarray(0, 100) }),
      'ERR_DER_TRUNCATED',
    );
    expectCode(
      () => verifyRawSignature({ ...ok, unverifiedSignatureValue: new Uint8Array(1025) }),
      'ERR_INPUT_TOO_LARGE',
    );
    expect(() => verifyRawSignature({ ...ok, digest: 'abc' as never })).toThrow(TypeError);
  });
});

describe('verifyRawSignature: ECDSA over the digest', () => {
  it.each([
    ['P-256', ecLeaf, 'SHA-256'],
    ['P-256', ecLeaf, 'SHA-512'],
    ['P-384', ec384Leaf, 'SHA-384'],
  ] as const)('%s with %s, DER and IEEE P1363 signatures', (_curve, cert, hash) => {
    for (const dsaEncoding of ['der', 'ieee-p1363'] as const) {
      const sig = sign(NODE_HASH[hash], message, { key: cert.privateKey, dsaEncoding });
      const input = {
        unverifiedSignatureValue: sig,
        unverifiedCertificate: cert.der,
        digest: digestOf(hash),
        digestAlgorithm: hash,
      };
      expect(verifyRawSignature(input).signatureAlgorithm).toEqual({
        kind: 'ecdsa',
        hash,
        oid: { 'SHA-256': OID.ecdsaWithSHA256, 'SHA-384': OID.ecdsaWithSHA384, 'SHA-512': OID.ecdsaWithSHA512 }[hash],
      });
      expectCode(() => verifyRawSignature({ ...input, digest: flip(input.digest, 0) }), 'ERR_SIGNATURE_INVALID');
      expectCode(() => verifyRawSignature({ ...input, unverifiedSignatureValue: flip(sig) }), 'ERR_SIGNATURE_INVALID');
    }
  });

  it('ERR_SIGNATURE_INVALID: r or s out of range, wrong length, BER integers', () => {
    const base = {
      unverifiedCertificate: ecLeaf.der,
      digest: digestOf('SHA-256'),
      digestAlgorithm: 'SHA-256' as const,
    };
    const n = Buffer.from('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551', 'hex');
    const good = sign('sha256', message, { key: ecLeaf.privateKey, dsaEncoding: 'ieee-p1363' });
    const r = good.subarray(0, 32);
    for (const bad of [
      Buffer.concat([Buffer.alloc(32), good.subarray(32)]), // r = 0
      Buffer.concat([r, n]), // s = n
      Buffer.concat([r, Buffer.alloc(32)]), // s = 0
      good.subarray(1), // 63 bytes
      Buffer.from('3008020200010202000100', 'hex').subarray(0, 10), // non-minimal DER INTEGERs
    ]) {
      expectCode(() => verifyRawSignature({ ...base, unverifiedSignatureValue: bad }), 'ERR_SIGNATURE_INVALID');
    }
  });

  it('P-521 keys verify too (prehashed ECDSA arithmetic against node signatures)', async () => {
    const { verifyEcdsaPrehashed, toBigInt } = await import('../../src/cms/ecdsa-prehashed.js');
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-521' });
    const sig = sign('sha512', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
    const [r, s] = [toBigInt(sig.subarray(0, 66)), toBigInt(sig.subarray(66))];
    expect(verifyEcdsaPrehashed(publicKey, digestOf('SHA-512'), r, s)).toBe(true);
    expect(verifyEcdsaPrehashed(publicKey, digestOf('SHA-256'), r, s)).toBe(false);
  });
});
