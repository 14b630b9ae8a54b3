import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concat, integer, oid, seq, tlv, utcTime, generalizedTime } from '../../../src/pki/der-write.js';
import { OID } from '../../../src/pki/oids.js';
import { scanCrl } from '../../../src/revocation/crl/index.js';
import { assembleCrl, encodeEntry, tbsParts, type CrlEntryInput } from '../../../src/sandbox/crl.js';
import { caKey, crlOptions, ENTRIES, indexOf, makeCrl, rejectsWith } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'crl-scan-'));

/** A CRL whose entries are given as raw DER (possibly malformed), correctly signed. */
function crlWithRawEntries(entries: Uint8Array[], over: Parameters<typeof crlOptions>[0] = {}): Uint8Array {
  const { head, extensions } = tbsParts(crlOptions(over));
  return assembleCrl(seq(head, seq(...entries), extensions), caKey.privateKey);
}

const when = new Date('2025-05-01T00:00:00Z');
const reasonExt = (code: number): Uint8Array => seq(oid(OID.reasonCode), tlv(0x04, tlv(0x0a, Uint8Array.of(code))));

describe('scanCrl on well-formed CRLs', () => {
  it('reads header fields, extensions and every entry', async () => {
    const crl = await scanCrl(makeCrl());
    expect(crl.version).toBe(2);
    expect(crl.signatureAlgorithm).toMatchObject({ kind: 'rsa-pkcs1', hash: 'SHA-256' });
    expect(crl.thisUpdate.toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(crl.nextUpdate?.toISOString()).toBe('2025-06-02T00:00:00.000Z');
    expect(crl.extensions.crlNumber).toBe(42n);
    expect(crl.entryCount).toBe(ENTRIES.length);
    expect(crl.index!.lookup('0BADCAFE')).toMatchObject({ revoked: true, reason: 'superseded' });
    expect(crl.index!.lookup('07')).toMatchObject({ revoked: true, reason: 'unspecified' });
  });

  it('gives the same result from memory and from a file read in tiny chunks', async () => {
    const der = makeCrl();
    const path = join(dir, 'small.der');
    writeFileSync(path, der);
    const a = await scanCrl(der);
    for (const chunkBytes of [1, 7, 64, 1 << 20]) {
      const b = await scanCrl(path, { chunkBytes });
      expect(Buffer.from(b.tbsDigest)).toEqual(Buffer.from(a.tbsDigest));
      expect(b.index!.serialize()).toEqual(a.index!.serialize());
      expect(b.issuerNameDer).toEqual(a.issuerNameDer);
    }
  });

  it('accepts a v1 CRL without entries and without extensions', async () => {
    const crl = await scanCrl(makeCrl({ version: 1, entries: [], crlNumber: undefined, issuerKeyId: undefined }));
    expect(crl.version).toBe(1);
    expect(crl.entryCount).toBe(0);
  });

  it('keeps the earliest date for a serial listed twice, whatever the order', async () => {
    const a = { serial: 9, revokedAt: new Date('2025-05-02T00:00:00Z'), reason: 'superseded' } as const;
    const b = { serial: 9, revokedAt: new Date('2025-05-01T00:00:00Z'), reason: 'keyCompromise' } as const;
    for (const entries of [
      [a, b],
      [b, a],
    ]) {
      const crl = await scanCrl(makeCrl({ entries: [{ serial: 10, revokedAt: when }, ...entries] }));
      expect(crl.index!.lookup('09')).toMatchObject({ reason: 'keyCompromise', revokedAt: b.revokedAt });
      expect(crl.index!.duplicates).toBe(1);
    }
  });

  it('sizes the index right when entry sizes drift (big first, then small), from a file', async () => {
    const entries: CrlEntryInput[] = [];
    for (let i = 0; i < 20; i++)
      entries.push({ serial: 0x01000000 + i, revokedAt: when, reason: 'keyCompromise', invalidityDate: when });
    for (let i = 0; i < 20_000; i++) entries.push({ serial: 0x02000000 + ((i * 7919) % 20_000), revokedAt: when });
    const der = makeCrl({ entries });
    const path = join(dir, 'drift.der');
    writeFileSync(path, der);
    for (const input of [der, path]) {
      const idx = (await scanCrl(input, { chunkBytes: 4096 })).index!;
      expect(idx.size).toBe(20_020);
      expect(idx.lookupU32(0x01000013)).toMatchObject({ reason: 'keyCompromise', invalidityDate: when });
      expect(idx.lookupU32(0x02000000 + 19_999)).toEqual({ revoked: true, reason: 'unspecified', revokedAt: when });
      expect(idx.byteLength / idx.size).toBeLessThan(13.5);
    }
  });

  it('records facts that ingestion judges later (indirect, removeFromCRL, unknown critical)', async () => {
    const crl = await scanCrl(
      makeCrl({
        entries: [
          { serial: 1, revokedAt: when, extensions: [{ oid: OID.certificateIssuer, value: seq() }] },
          { serial: 2, revokedAt: when, reason: 'removeFromCRL' },
          { serial: 3, revokedAt: when, extensions: [{ oid: '1.2.3.4', critical: true, value: Uint8Array.of(5, 0) }] },
        ],
      }),
    );
    expect(crl.certificateIssuerEntries).toBe(1);
    expect(crl.removeFromCrlEntries).toBe(1);
    expect(crl.unknownCriticalEntryExtensions).toEqual(['1.2.3.4']);
  });
});

describe('scanCrl rejects malformed input with a coded error', () => {
  it('ERR_DER_TRUNCATED at every truncation point (memory and file)', async () => {
    const der = makeCrl();
    for (let n = 0; n < der.length; n++) await rejectsWith(scanCrl(der.subarray(0, n)), 'ERR_DER_TRUNCATED');
    const path = join(dir, 'trunc.der');
    for (const n of [0, 1, 5, 40, der.length >> 1, der.length - 1]) {
      writeFileSync(path, der.subarray(0, n));
      await rejectsWith(scanCrl(path, { chunkBytes: 16 }), 'ERR_DER_TRUNCATED');
    }
  });

  it('ERR_DER_TRAILING_DATA after the CertificateList', async () => {
    await rejectsWith(scanCrl(concat(makeCrl(), Uint8Array.of(0))), 'ERR_DER_TRAILING_DATA');
  });

  it('ERR_DER_LENGTH for BER lengths (indefinite, non-minimal)', async () => {
    const entry = encodeEntry(ENTRIES[0]!);
    const longForm = concat(Uint8Array.of(0x30, 0x81, entry[1]!), entry.subarray(2));
    await rejectsWith(scanCrl(crlWithRawEntries([longForm])), 'ERR_DER_LENGTH');
    const der = makeCrl();
    const indefinite = concat(Uint8Array.of(0x30, 0x80), der.subarray(4), Uint8Array.of(0, 0));
    await rejectsWith(scanCrl(indefinite), 'ERR_DER_LENGTH');
    const padded = Uint8Array.from(der);
    padded[1] = 0x83; // 0x82 LL LL → 0x83 00 LL LL is non-minimal
    await rejectsWith(scanCrl(concat(padded.subarray(0, 2), Uint8Array.of(0), der.subarray(2))), 'ERR_DER_LENGTH');
  });

  it('ERR_DER_NOT_CANONICAL for a padded serial or an explicit critical FALSE', async () => {
    const padded = seq(tlv(0x02, Uint8Array.of(0, 5)), utcTime(when));
    await rejectsWith(scanCrl(crlWithRawEntries([padded])), 'ERR_DER_NOT_CANONICAL');
    const critFalse = seq(
      integer(5),
      utcTime(when),
      seq(seq(oid(OID.reasonCode), Uint8Array.of(1, 1, 0), tlv(0x04, tlv(0x0a, Uint8Array.of(1))))),
    );
    await rejectsWith(scanCrl(crlWithRawEntries([critFalse])), 'ERR_DER_NOT_CANONICAL');
  });

  it('ERR_DER_STRUCTURE and ERR_DER_TAG for wrong shapes', async () => {
    await rejectsWith(scanCrl(crlWithRawEntries([seq(integer(5))])), 'ERR_DER_STRUCTURE');
    await rejectsWith(scanCrl(crlWithRawEntries([seq(integer(5), utcTime(when), integer(1))])), 'ERR_DER_STRUCTURE');
    await rejectsWith(scanCrl(crlWithRawEntries([tlv(0x31, concat(integer(5), utcTime(when)))])), 'ERR_DER_STRUCTURE');
    // a high-tag-number element (X.690 §8.1.2.4) where revokedCertificates would be
    const { head } = tbsParts(crlOptions());
    await rejectsWith(
      scanCrl(assembleCrl(seq(head, Uint8Array.of(0x1f, 0x22, 0x00)), caKey.privateKey)),
      'ERR_DER_TAG',
    );
  });

  it('ERR_CRL_MALFORMED for profile violations', async () => {
    const cases: Uint8Array[] = [
      seq(tlv(0x02, new Uint8Array(21).fill(1)), utcTime(when)), // 21 octets without a sign byte
      seq(tlv(0x02, Uint8Array.of(0, ...new Uint8Array(21).fill(0x81))), utcTime(when)), // 22 octets
      seq(integer(5), utcTime(when), seq(reasonExt(7))), // reason 7 is unused
      seq(integer(5), utcTime(when), seq(reasonExt(11))),
      seq(integer(5), utcTime(when), seq(reasonExt(3), reasonExt(3))), // repeated extension
      seq(integer(5), generalizedTime(when)), // GeneralizedTime before 2050
      seq(integer(5), tlv(0x17, Buffer.from('250230000000Z'))), // 30 February
      seq(integer(5), tlv(0x17, Buffer.from('2505010000Z'))), // no seconds
    ];
    for (const raw of cases) await rejectsWith(scanCrl(crlWithRawEntries([raw])), 'ERR_CRL_MALFORMED');
    // entry extensions in a v1 CRL
    await rejectsWith(scanCrl(crlWithRawEntries([encodeEntry(ENTRIES[0]!)], { version: 1 })), 'ERR_CRL_MALFORMED');
  });

  it('ERR_CRL_MALFORMED for a version other than v2 and for differing algorithm identifiers', async () => {
    const der = makeCrl();
    const v = Uint8Array.from(der);
    v[indexOf(der, Uint8Array.of(0x02, 0x01, 0x01)) + 2] = 2;
    await rejectsWith(scanCrl(v), 'ERR_CRL_MALFORMED');
    const { head, extensions } = tbsParts(crlOptions({ signatureAlgorithm: 'sha384WithRSAEncryption' }));
    const tbs = seq(head, seq(...ENTRIES.map(encodeEntry)), extensions);
    const mixed = assembleCrl(tbs, caKey.privateKey, 'sha256WithRSAEncryption');
    await rejectsWith(scanCrl(mixed), 'ERR_CRL_MALFORMED');
  });

  it('ERR_DER_TOO_DEEP for absurdly nested AlgorithmIdentifier parameters', async () => {
    let params: Uint8Array = Uint8Array.of(0x05, 0x00);
    for (let i = 0; i < 40; i++) params = seq(params);
    const alg = seq(oid(OID.sha256WithRSA), params);
    const { head, extensions } = tbsParts(crlOptions({ entries: [] }));
    const i = indexOf(head, Uint8Array.of(0x30, 0x0d, 0x06, 0x09)); // sha256WithRSAEncryption, NULL
    const tbs = seq(head.subarray(0, i), alg, head.subarray(i + 15), extensions);
    await rejectsWith(scanCrl(seq(tbs, alg, tlv(0x03, Uint8Array.of(0, 1)))), 'ERR_DER_TOO_DEEP');
  });

  it('ERR_CRL_TOO_LARGE above maxBytes, before reading a file', async () => {
    const der = makeCrl();
    await rejectsWith(scanCrl(der, { maxBytes: der.length - 1 }), 'ERR_CRL_TOO_LARGE');
    const path = join(dir, 'big.der');
    writeFileSync(path, der);
    await rejectsWith(scanCrl(path, { maxBytes: 100 }), 'ERR_CRL_TOO_LARGE');
  });

  it('ERR_ALG_NOT_ALLOWED for SHA-1', async () => {
    await rejectsWith(scanCrl(makeCrl({ signatureAlgorithm: 'sha1WithRSAEncryption' })), 'ERR_ALG_NOT_ALLOWED');
  });

  it('lets I/O errors through untouched (they are not CRL defects)', async () => {
    await expect(scanCrl(join(dir, 'missing.der'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

export type { CrlEntryInput };
