import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { ingestCrl } from '../../../src/revocation/crl/index.js';
import { toIssuerKey } from '../../../src/revocation/crl/crl-checks.js';
import { keyHashOf, type LoadedCrl } from '../../../src/revocation/partitions/loaded-crl.js';
import { fromSnapshot, toSnapshot } from '../../../src/revocation/shared/snapshot.js';
import type { Snapshot } from '../../../src/revocation/shared/types.js';
import {
  CHIYODA_ID,
  SHINJUKU,
  T0,
  crl,
  leaf,
  otherRootCert,
  revoked,
  rootCert,
  throwsWith,
} from '../manager/fixtures.js';

const cards = [leaf(), leaf()];

async function loaded(
  partition = CHIYODA_ID,
  der = crl({ crlNumber: 9, entries: cards.map((c) => revoked(c)) }),
): Promise<LoadedCrl> {
  const v = await ingestCrl(der, { issuers: [rootCert], clock: fixedClock(T0) });
  return {
    watermark: {
      partition,
      thisUpdate: v.thisUpdate,
      nextUpdate: v.nextUpdate,
      crlNumber: v.crlNumber,
      source: 'https://mirror.example/x.crl',
      fetchedAt: new Date(T0),
      entries: v.index.size,
      via: 'source',
    },
    index: v.index,
    issuerNameDer: v.issuerNameDer,
    signer: v.signer,
    signerKeyHash: keyHashOf(v.signer),
    idp: v.idp,
    validators: { etag: '"abc"', lastModified: 'Sun, 01 Mar 2026 00:00:00 GMT' },
  };
}

const signers = new Map([rootCert, otherRootCert].map((c) => [keyHashOf(toIssuerKey(c)), toIssuerKey(c)]));
const open = (s: Snapshot, key?: Uint8Array) => fromSnapshot(s, { partition: CHIYODA_ID, signers, key });

describe('CRL index snapshots', () => {
  it('round-trip the index, the watermark, the scope and the validators; 8 bytes per 4-byte serial', async () => {
    const src = await loaded();
    const snap = toSnapshot(src);
    expect(snap.body.length).toBe(24 + 8 * 2);
    const back = open(snap);
    expect(back.watermark).toEqual({ ...src.watermark, via: 'snapshot' });
    expect(back.validators).toEqual(src.validators);
    expect(back.idp?.directoryNames).toEqual(src.idp?.directoryNames);
    expect(back.signerKeyHash).toBe(src.signerKeyHash);
    for (const c of cards) expect(back.index.lookup(c.cert.serial)).toMatchObject({ revoked: true });
    expect(back.index.lookup(leaf().cert.serial)).toEqual({ revoked: false });
    expect(JSON.stringify(snap.meta).length).toBeLessThan(1500);
  });

  it('authenticates with HMAC when a snapshot key is set', async () => {
    const key = new Uint8Array(32).fill(7);
    const snap = toSnapshot(await loaded(), key);
    expect(snap.meta.digestAlg).toBe('hmac-sha256');
    expect(open(snap, key).index.size).toBe(2);
    throwsWith(() => open(snap, new Uint8Array(32).fill(8)), 'ERR_CRL_SNAPSHOT_INVALID');
    throwsWith(() => open(snap), 'ERR_CRL_SNAPSHOT_INVALID'); // keyed snapshot, unkeyed reader
  });

  it.each([
    ['a flipped body byte', (s: Snapshot): Snapshot => ({ ...s, body: flip(s.body, 30) })],
    ['a truncated body', (s: Snapshot): Snapshot => ({ ...s, body: s.body.subarray(0, 30) })],
    [
      'another partition',
      (s: Snapshot): Snapshot => ({ ...s, meta: { ...s.meta, partition: 'signing/tokyo-to/shinjuku-ku' } }),
    ],
    [
      'an untrusted signer key',
      (s: Snapshot): Snapshot => ({ ...s, meta: { ...s.meta, issuerKeyHash: '00'.repeat(32) } }),
    ],
    ['a lying entry count', (s: Snapshot): Snapshot => ({ ...s, meta: { ...s.meta, entries: 3 } })],
    ['a bad date', (s: Snapshot): Snapshot => ({ ...s, meta: { ...s.meta, nextUpdate: 'tomorrow' } })],
    ['no metadata shape', (s: Snapshot): Snapshot => ({ ...s, meta: { ...s.meta, format: 2 as 1 } })],
    ['a downgraded digest', (s: Snapshot): Snapshot => ({ ...s, meta: { ...s.meta, digestAlg: 'sha256' } })],
  ])('refuses %s: ERR_CRL_SNAPSHOT_INVALID', async (_, mutate) => {
    const key = new Uint8Array(32).fill(1);
    const snap = toSnapshot(await loaded(), key);
    throwsWith(() => open(mutate(snap), key), 'ERR_CRL_SNAPSHOT_INVALID');
  });

  it('refuses a body that is not an index even with a valid digest', async () => {
    const s = toSnapshot(await loaded());
    const body = flip(s.body, 0); // magic
    const forged = toSnapshot({ ...(await loaded()), index: { serialize: () => body, size: 2 } as never });
    throwsWith(() => open(forged), 'ERR_CRL_SNAPSHOT_INVALID');
  });

  it('refuses a snapshot whose scope names another partition', async () => {
    const s = toSnapshot(await loaded(CHIYODA_ID, crl({ crlNumber: 1, partition: SHINJUKU })));
    throwsWith(() => open(s), 'ERR_CRL_SNAPSHOT_INVALID');
  });
});

function flip(b: Uint8Array, i: number): Uint8Array {
  const c = b.slice();
  c[i]! ^= 0x01;
  return c;
}
