import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { integer, seq } from '../../../src/pki/der-write.js';
import { KEY_USAGE_BITS } from '../../../src/pki/extensions.js';
import { OID } from '../../../src/pki/oids.js';
import { checkCrlFreshness, ingestCrl, scanCrl } from '../../../src/revocation/crl/index.js';
import { verifyCrlSignature } from '../../../src/revocation/crl/verify-crl-signature.js';
import { deriveEcKey, deriveRsaKey } from '../../../src/sandbox/keys.js';
import {
  AT,
  CA_KEY_ID,
  CA_NAME,
  NEXT_UPDATE,
  OTHER_NAME,
  THIS_UPDATE,
  caKey,
  clock,
  issuer,
  makeCrl,
  otherKey,
  rejectsWith,
  throwsWith,
  withKey,
} from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'crl-ingest-'));
const when = new Date('2025-05-01T00:00:00Z');

describe('ingestCrl accepts a CRL bound to its CA by name and key', () => {
  it('returns the verified CRL with its index', async () => {
    const crl = await ingestCrl(makeCrl(), { issuers: [issuer()], clock });
    expect(crl.crlNumber).toBe(42n);
    expect(Buffer.from(crl.issuerKeyId!)).toEqual(CA_KEY_ID);
    expect(crl.thisUpdate).toEqual(THIS_UPDATE);
    expect(crl.nextUpdate).toEqual(NEXT_UPDATE);
    expect(crl.idp).toBeUndefined();
    expect(crl.index.lookup('12345678')).toEqual({
      revoked: true,
      reason: 'affiliationChanged',
      revokedAt: new Date('2025-05-01T00:00:00Z'),
    });
    expect(crl.index.lookup('12345679')).toEqual({ revoked: false });
    expect(crl.index.lookup((2n ** 150n + 3n).toString(16))).toMatchObject({
      reason: 'keyCompromise',
      invalidityDate: new Date('2025-04-30T00:00:00Z'),
    });
  });

  it.each(['sha384WithRSAEncryption', 'sha512WithRSAEncryption', 'rsassaPss-sha256'] as const)(
    'verifies %s from memory and from a file',
    async (alg) => {
      const der = makeCrl({ signatureAlgorithm: alg });
      const path = join(dir, `${alg}.der`);
      writeFileSync(path, der);
      for (const input of [der, path]) {
        const crl = await ingestCrl(input, { issuers: [issuer()], clock, chunkBytes: 100 });
        expect(crl.index.size).toBe(4);
      }
    },
  );

  it('verifies ECDSA P-256 (memory and file)', async () => {
    const ec = deriveEcKey('test-crl-ec');
    const der = makeCrl({ signatureAlgorithm: 'ecdsa-with-SHA256', issuerPrivateKey: ec.privateKey });
    const path = join(dir, 'ec.der');
    writeFileSync(path, der);
    for (const input of [der, path])
      expect((await ingestCrl(input, { issuers: [withKey(ec.publicKey, CA_KEY_ID)], clock })).index.size).toBe(4);
  });

  it('picks the right key among CA generations sharing one name (JPKI roots do)', async () => {
    const der = makeCrl({ issuerKeyId: undefined });
    const crl = await ingestCrl(der, { issuers: [withKey(otherKey.publicKey), issuer()], clock });
    expect(Buffer.from(crl.issuerKeyId!)).toEqual(CA_KEY_ID);
  });

  it('ingests 100,000 entries from a streamed file and finds each kind', async () => {
    const { writeCrlFile, syntheticSerial, syntheticReason } = await import('../../../src/sandbox/crl-file.js');
    const path = join(dir, '100k.der');
    await writeCrlFile(path, {
      issuerNameDer: CA_NAME,
      issuerPrivateKey: caKey.privateKey,
      issuerKeyId: CA_KEY_ID,
      thisUpdate: THIS_UPDATE,
      nextUpdate: NEXT_UPDATE,
      crlNumber: 1,
      count: 100_000,
    });
    const crl = await ingestCrl(path, { issuers: [issuer()], clock });
    expect(crl.index.size).toBe(100_000);
    const names = [
      'unspecified',
      'keyCompromise',
      'cACompromise',
      'affiliationChanged',
      'superseded',
      'cessationOfOperation',
      'certificateHold',
    ];
    for (const i of [0, 1, 4242, 99_999]) {
      const r = crl.index.lookupU32(syntheticSerial(i));
      expect(r).toMatchObject({ revoked: true, reason: names[syntheticReason(i)] });
    }
    expect(crl.index.lookupU32(0x20000000).revoked).toBe(false);
    expect(crl.index.byteLength / crl.index.size).toBeLessThanOrEqual(9.1); // 9 + the fence
  });
});

describe('ingestCrl refuses', () => {
  it('ERR_CRL_ISSUER_MISMATCH when no candidate has the issuer name', async () => {
    await rejectsWith(
      ingestCrl(makeCrl({ issuerNameDer: OTHER_NAME }), { issuers: [issuer()], clock }),
      'ERR_CRL_ISSUER_MISMATCH',
    );
  });

  it('ERR_CRL_ISSUER_MISMATCH when the AKI names another key', async () => {
    await rejectsWith(
      ingestCrl(makeCrl(), { issuers: [withKey(caKey.publicKey, Uint8Array.of(1, 2, 3))], clock }),
      'ERR_CRL_ISSUER_MISMATCH',
    );
  });

  it('ERR_CRL_SIGNATURE_INVALID for the right name with the wrong key', async () => {
    await rejectsWith(
      ingestCrl(makeCrl(), { issuers: [withKey(otherKey.publicKey, CA_KEY_ID)], clock }),
      'ERR_CRL_SIGNATURE_INVALID',
    );
    const ec = deriveEcKey('test-crl-ec');
    await rejectsWith(
      ingestCrl(makeCrl(), { issuers: [withKey(ec.publicKey, CA_KEY_ID)], clock }),
      'ERR_CRL_SIGNATURE_INVALID',
    );
  });

  it('ERR_CRL_SIGNATURE_INVALID for a flipped signature bit or an altered TBS', async () => {
    const der = makeCrl();
    const sig = Uint8Array.from(der);
    sig[sig.length - 1]! ^= 1;
    await rejectsWith(ingestCrl(sig, { issuers: [issuer()], clock }), 'ERR_CRL_SIGNATURE_INVALID');
    const tbs = Uint8Array.from(der);
    const at = Buffer.from(tbs).indexOf(Buffer.from('250501000000Z'));
    tbs[at + 4] = 0x31; // 2025-05-01 → 2025-05-11
    await rejectsWith(ingestCrl(tbs, { issuers: [issuer()], clock }), 'ERR_CRL_SIGNATURE_INVALID');
  });

  it('ERR_CERT_KEY_USAGE when the CA keyUsage lacks cRLSign', async () => {
    await rejectsWith(
      ingestCrl(makeCrl(), { issuers: [issuer({ keyUsage: KEY_USAGE_BITS.keyCertSign })], clock }),
      'ERR_CERT_KEY_USAGE',
    );
    const ok = await ingestCrl(makeCrl(), {
      issuers: [issuer({ keyUsage: KEY_USAGE_BITS.keyCertSign | KEY_USAGE_BITS.cRLSign })],
      clock,
    });
    expect(ok.index.size).toBe(4);
  });

  it('ERR_KEY_TOO_WEAK for an RSA-1024 candidate key', async () => {
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
    await rejectsWith(
      ingestCrl(makeCrl({ issuerPrivateKey: weak.privateKey }), {
        issuers: [withKey(weak.publicKey, CA_KEY_ID)],
        clock,
      }),
      'ERR_KEY_TOO_WEAK',
    );
  });

  it('ERR_CRL_MALFORMED without nextUpdate', async () => {
    await rejectsWith(ingestCrl(makeCrl({ nextUpdate: null }), { issuers: [issuer()], clock }), 'ERR_CRL_MALFORMED');
  });

  it('ERR_CRL_MALFORMED for removeFromCRL in a complete CRL', async () => {
    await rejectsWith(
      ingestCrl(makeCrl({ entries: [{ serial: 1, revokedAt: when, reason: 'removeFromCRL' }] }), {
        issuers: [issuer()],
        clock,
      }),
      'ERR_CRL_MALFORMED',
    );
  });

  it('ERR_CRL_UNKNOWN_CRITICAL_EXTENSION in crlExtensions or in an entry', async () => {
    const unknown = { oid: '1.2.3.4.5', critical: true, value: Uint8Array.of(5, 0) };
    await rejectsWith(
      ingestCrl(makeCrl({ extraExtensions: [unknown] }), { issuers: [issuer()], clock }),
      'ERR_CRL_UNKNOWN_CRITICAL_EXTENSION',
    );
    await rejectsWith(
      ingestCrl(makeCrl({ entries: [{ serial: 1, revokedAt: when, extensions: [unknown] }] }), {
        issuers: [issuer()],
        clock,
      }),
      'ERR_CRL_UNKNOWN_CRITICAL_EXTENSION',
    );
    // the same extension, non-critical, is ignored (RFC 5280 §5.2)
    const fine = await ingestCrl(makeCrl({ extraExtensions: [{ ...unknown, critical: false }] }), {
      issuers: [issuer()],
      clock,
    });
    expect(fine.index.size).toBe(4);
  });

  it('ERR_CRL_UNSUPPORTED_SCOPE for delta, indirect and reason-partitioned CRLs', async () => {
    const delta = { oid: OID.deltaCrlIndicator, critical: true, value: integer(41) };
    await rejectsWith(
      ingestCrl(makeCrl({ extraExtensions: [delta] }), { issuers: [issuer()], clock }),
      'ERR_CRL_UNSUPPORTED_SCOPE',
    );
    await rejectsWith(
      ingestCrl(makeCrl({ idp: { indirectCRL: true } }), { issuers: [issuer()], clock }),
      'ERR_CRL_UNSUPPORTED_SCOPE',
    );
    await rejectsWith(
      ingestCrl(makeCrl({ idp: { onlySomeReasons: true } }), { issuers: [issuer()], clock }),
      'ERR_CRL_UNSUPPORTED_SCOPE',
    );
    const indirectEntry = makeCrl({
      entries: [
        { serial: 1, revokedAt: when, extensions: [{ oid: OID.certificateIssuer, critical: true, value: seq() }] },
      ],
    });
    await rejectsWith(ingestCrl(indirectEntry, { issuers: [issuer()], clock }), 'ERR_CRL_UNSUPPORTED_SCOPE');
  });

  it('ERR_CRL_STALE / ERR_CRL_NOT_YET_VALID at ingestion, with the grace window', async () => {
    const der = makeCrl();
    const late = fixedClock(NEXT_UPDATE.getTime() + 60_000);
    await rejectsWith(ingestCrl(der, { issuers: [issuer()], clock: late }), 'ERR_CRL_STALE');
    const crl = await ingestCrl(der, { issuers: [issuer()], clock: late, maxAgeGraceMs: 10 * 60_000 });
    throwsWith(() => checkCrlFreshness(crl, new Date(NEXT_UPDATE.getTime() + 11 * 60_000)), 'ERR_CRL_STALE');
    await rejectsWith(
      ingestCrl(der, { issuers: [issuer()], clock: fixedClock(THIS_UPDATE.getTime() - 1000) }),
      'ERR_CRL_NOT_YET_VALID',
    );
  });

  it('checkFreshness: false defers freshness to the caller (validation at its own time)', async () => {
    const late = fixedClock(NEXT_UPDATE.getTime() + 86_400_000);
    const crl = await ingestCrl(makeCrl(), { issuers: [issuer()], clock: late, checkFreshness: false });
    expect(() => checkCrlFreshness(crl, AT)).not.toThrow();
    throwsWith(() => checkCrlFreshness(crl, late.now()), 'ERR_CRL_STALE');
  });

  it('checkCrlFreshness: inclusive bounds', () => {
    const v = { thisUpdate: THIS_UPDATE, nextUpdate: NEXT_UPDATE, freshnessGraceMs: 0 };
    expect(() => checkCrlFreshness(v, THIS_UPDATE)).not.toThrow();
    expect(() => checkCrlFreshness(v, NEXT_UPDATE)).not.toThrow();
    expect(() => checkCrlFreshness(v, AT)).not.toThrow();
    throwsWith(() => checkCrlFreshness(v, new Date(NEXT_UPDATE.getTime() + 1)), 'ERR_CRL_STALE');
    throwsWith(() => checkCrlFreshness(v, new Date(THIS_UPDATE.getTime() - 1)), 'ERR_CRL_NOT_YET_VALID');
  });

  it('ERR_REVOCATION_UNAVAILABLE when the file changes between scan and re-read (PSS path)', async () => {
    const path = join(dir, 'changing.der');
    writeFileSync(path, makeCrl({ signatureAlgorithm: 'rsassaPss-sha256' }));
    const scanned = await scanCrl(path);
    writeFileSync(path, makeCrl({ signatureAlgorithm: 'rsassaPss-sha256', crlNumber: 43 }));
    await rejectsWith(verifyCrlSignature(scanned, caKey.publicKey), 'ERR_REVOCATION_UNAVAILABLE');
  });

  it('caller bugs are TypeErrors', async () => {
    await expect(ingestCrl(makeCrl(), { issuers: [], clock })).rejects.toBeInstanceOf(TypeError);
    await expect(ingestCrl(makeCrl(), { issuers: [issuer()], clock, maxAgeGraceMs: -1 })).rejects.toBeInstanceOf(
      TypeError,
    );
    void deriveRsaKey;
  });
});
