import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { ingestCrl } from '../../../src/revocation/crl/index.js';
import { revocationsSince } from '../../../src/revocation/events/revocations-since.js';
import { keyHashOf, type LoadedCrl } from '../../../src/revocation/partitions/loaded-crl.js';
import type { CrlEntryInput } from '../../../src/sandbox/crl.js';
import { CHIYODA_ID, T0, crl, rootCert } from '../manager/fixtures.js';

async function loaded(crlNumber: number, entries: CrlEntryInput[]): Promise<LoadedCrl> {
  const v = await ingestCrl(crl({ crlNumber, thisUpdate: T0 + crlNumber * 1000, entries }), {
    issuers: [rootCert],
    clock: fixedClock(T0 + 10_000),
  });
  return {
    watermark: {
      partition: CHIYODA_ID,
      thisUpdate: v.thisUpdate,
      nextUpdate: v.nextUpdate,
      crlNumber: v.crlNumber,
      source: 'test',
      fetchedAt: new Date(T0),
      entries: v.index.size,
      via: 'source',
    },
    index: v.index,
    issuerNameDer: v.issuerNameDer,
    signer: v.signer,
    signerKeyHash: keyHashOf(v.signer),
    idp: v.idp,
    validators: undefined,
  };
}

const e = (
  serial: bigint | number,
  day: number,
  reason?: CrlEntryInput['reason'],
  invalidityDate?: Date,
): CrlEntryInput => ({
  serial,
  revokedAt: new Date(T0 - day * 86_400_000),
  ...(reason ? { reason } : {}),
  ...(invalidityDate ? { invalidityDate } : {}),
});

describe('revocationsSince (merge walk of two sorted indexes)', () => {
  it('yields exactly the serials the new CRL adds, with reasons and dates, short and long serials', async () => {
    const long = 2n ** 100n + 7n;
    const before = [e(0x10, 9), e(0x7fffffff, 8, 'superseded'), e(0x12345678, 7), e(long, 6, 'keyCompromise')];
    const added = [
      e(0x11, 1, 'affiliationChanged'),
      e(0x80000000, 1, 'certificateHold'), // 5 DER octets, still the 32-bit table
      e(2n ** 100n + 8n, 1, 'cessationOfOperation', new Date(T0 - 2 * 86_400_000)),
      e(-5n, 1),
    ];
    const prev = await loaded(1, before);
    // one old entry dropped (expired certificate): not an event, and nothing "un-revoked"
    const next = await loaded(2, [...before.slice(1), ...added]);
    const ev = revocationsSince(prev, next);
    expect(ev).toMatchObject({
      type: 'crl.revocations',
      partition: CHIYODA_ID,
      crlNumber: 2n,
      previousCrlNumber: 1n,
    });
    expect(ev.serials).toEqual([
      { serial: '11', reason: 'affiliationChanged', revokedAt: new Date(T0 - 86_400_000) },
      { serial: '0080000000', reason: 'certificateHold', revokedAt: new Date(T0 - 86_400_000) },
      { serial: 'fb', reason: 'unspecified', revokedAt: new Date(T0 - 86_400_000) },
      {
        serial: '10000000000000000000000008',
        reason: 'cessationOfOperation',
        revokedAt: new Date(T0 - 86_400_000),
        invalidityDate: new Date(T0 - 2 * 86_400_000),
      },
    ]);
  });

  it('is empty for an identical list and complete against an empty one', async () => {
    const entries = Array.from({ length: 300 }, (_, i) => e(0x01000000 + i * 7919, 1 + (i % 30)));
    const a = await loaded(1, entries);
    const b = await loaded(2, [...entries].reverse());
    expect(revocationsSince(a, b).serials).toEqual([]);
    const empty = await loaded(1, []);
    expect(revocationsSince(empty, a).serials.map((s) => s.serial)).toEqual(
      entries.map((x) => (x.serial as number).toString(16).padStart(8, '0')).sort(),
    );
  });
});
