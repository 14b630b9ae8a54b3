import { describe, expect, it } from 'vitest';
import { CrlIndex, REASON_CODES, REASON_MEANINGS, scanCrl } from '../../../src/revocation/crl/index.js';
import { CrlIndexBuilder } from '../../../src/revocation/crl/crl-index-builder.js';
import { makeCrl, throwsWith } from './fixtures.js';

function build(entries: [Uint8Array, number, number, number?][]): CrlIndex {
  const b = new CrlIndexBuilder();
  for (const [serial, date, reason, inval] of entries) b.add(serial, 0, serial.length, date, reason, inval ?? 0);
  return b.finish();
}

const hex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));

describe('CrlIndex', () => {
  it('looks up 32-bit serials given as DER octets, hex, or non-minimal octets', () => {
    const idx = build([
      [hex('00ffffffff'), 1000, 3],
      [hex('00'), 2000, 4],
      [hex('7f'), 3000, 0],
    ]);
    expect(idx.lookup(hex('00ffffffff'))).toMatchObject({ revoked: true, reason: 'affiliationChanged' });
    expect(idx.lookup('FFFFFFFF')).toMatchObject({ revoked: true, revokedAt: new Date(1_000_000) });
    expect(idx.lookup('0x00:00:00:7f')).toMatchObject({ revoked: true, reason: 'unspecified' });
    expect(idx.lookup(hex('00007f'))).toMatchObject({ revoked: true });
    expect(idx.lookup('0')).toMatchObject({ revoked: true, reason: 'superseded' });
    expect(idx.lookup(hex('80'))).toEqual({ revoked: false }); // -128, not 128
    expect(idx.lookup('80')).toEqual({ revoked: false }); // 128
  });

  it('handles long and negative serials in the secondary table', () => {
    const long = hex('00c0ffee00112233445566778899aabbccddeeff11');
    const neg = hex('ff7f');
    const idx = build([
      [long, 10, 1, 5],
      [neg, 20, 9],
      [hex('0100000000'), 30, 10],
    ]);
    expect(idx.lookup(long)).toEqual({
      revoked: true,
      reason: 'keyCompromise',
      revokedAt: new Date(10_000),
      invalidityDate: new Date(5000),
    });
    expect(idx.lookup('c0ffee00112233445566778899aabbccddeeff11')).toMatchObject({ revoked: true });
    expect(idx.lookup(neg)).toMatchObject({ reason: 'privilegeWithdrawn' });
    expect(idx.lookup('0100000000')).toMatchObject({ reason: 'aACompromise' });
    expect(idx.lookup(hex('0100000001'))).toEqual({ revoked: false });
    expect(idx.lookup(new Uint8Array(30).fill(1))).toEqual({ revoked: false });
  });

  it('sorts unsorted input and dedupes to the earliest date, in both sort paths', () => {
    const serials = Array.from({ length: 5000 }, (_, i) => ((i * 2654435761) >>> 0) & 0x7fffffff);
    for (const wideDates of [false, true]) {
      const b = new CrlIndexBuilder();
      serials.forEach((s, i) => {
        const bytes = Buffer.alloc(5);
        bytes.writeUInt32BE(s, 1);
        // wide: dates spread over > 2^28 s, which forces the positional sort
        b.add(bytes, 0, 5, 1_000_000 + i * (wideDates ? 100_000 : 1), i % 11 === 7 ? 0 : i % 11, 0);
      });
      const dup = Buffer.from([0, 0, 0, 0, 0]);
      dup.writeUInt32BE(serials[10]!, 1);
      b.add(dup, 0, 5, 999_999, 1, 0);
      const idx = b.finish();
      expect(idx.size).toBe(5000);
      expect(idx.duplicates).toBe(1);
      expect(idx.lookupU32(serials[10]!)).toMatchObject({ reason: 'keyCompromise', revokedAt: new Date(999_999_000) });
      expect(idx.lookupU32(serials[4321]!)).toMatchObject({
        revoked: true,
        revokedAt: new Date((1_000_000 + 4321 * (wideDates ? 100_000 : 1)) * 1000),
      });
      expect(CrlIndex.deserialize(idx.serialize()).serialize()).toEqual(idx.serialize());
    }
  });

  it('serializes to 8 bytes per 32-bit entry and back', async () => {
    const idx = (await scanCrl(makeCrl())).index!;
    const bytes = idx.serialize();
    const back = CrlIndex.deserialize(bytes);
    for (const s of ['12345678', '0badcafe', '07', (2n ** 150n + 3n).toString(16), '99'])
      expect(back.lookup(s)).toEqual(idx.lookup(s));
    const b = new CrlIndexBuilder();
    for (let i = 0; i < 1000; i++) b.add(Uint8Array.of(0x10, 0, i >> 8, i & 255), 0, 4, 1_700_000_000 + i, 3, 0);
    const big = b.finish();
    expect((big.serialize().length - 24) / 1000).toBe(8);
    // a snapshot may sit at any offset of a larger buffer (e.g. a Redis reply)
    const shifted = new Uint8Array(big.serialize().length + 3);
    shifted.set(big.serialize(), 3);
    expect(CrlIndex.deserialize(shifted.subarray(3)).lookupU32(0x10000005)).toMatchObject({ revoked: true });
  });

  it('ERR_CRL_MALFORMED for corrupted snapshots', () => {
    const b = new CrlIndexBuilder();
    for (let i = 0; i < 10; i++) b.add(Uint8Array.of(0x10, 0, 0, i), 0, 4, 1_700_000_000, 3, 0);
    const good = b.finish().serialize();
    const corrupt = (f: (x: Uint8Array) => Uint8Array | void): Uint8Array => {
      const x = Uint8Array.from(good);
      return f(x) ?? x;
    };
    throwsWith(() => CrlIndex.deserialize(corrupt((x) => void (x[0] = 0))), 'ERR_CRL_MALFORMED');
    throwsWith(() => CrlIndex.deserialize(corrupt((x) => void (x[4] = 9))), 'ERR_CRL_MALFORMED');
    throwsWith(() => CrlIndex.deserialize(corrupt((x) => x.subarray(0, x.length - 4))), 'ERR_CRL_MALFORMED');
    throwsWith(() => CrlIndex.deserialize(corrupt((x) => void (x[24] = 0x20))), 'ERR_CRL_MALFORMED'); // order
    throwsWith(() => CrlIndex.deserialize(corrupt((x) => void (x[24 + 40 + 3] = 0x70))), 'ERR_CRL_MALFORMED'); // reason 7
    throwsWith(() => CrlIndex.deserialize(new Uint8Array(3)), 'ERR_CRL_MALFORMED');
  });

  it('has a JPKI meaning for every reason', () => {
    expect(Object.keys(REASON_MEANINGS).sort()).toEqual(Object.keys(REASON_CODES).sort());
    expect(REASON_MEANINGS.affiliationChanged).toMatch(/re-verify the customer/);
  });
});
