/** createCrlManager over a drop directory: lookups, freshness, binding, scope, refresh rules. */
import { join } from 'node:path';
import { utimes } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CrlEvent } from '../../../src/revocation/events/types.js';
import { createCrlManager } from '../../../src/revocation/manager/create-crl-manager.js';
import type { CrlManagerOptions, RefreshOutcome } from '../../../src/revocation/manager/types.js';
import { createDirectorySource } from '../../../src/revocation/sources/create-directory-source.js';
import { createCrl } from '../../../src/sandbox/crl.js';
import {
  CHIYODA_ID,
  DAY,
  HOUR,
  SHINJUKU,
  SHINJUKU_ID,
  T0,
  crl,
  dropCrl,
  leaf,
  mutableClock,
  otherRootCert,
  pki,
  rejectsWith,
  revoked,
  root,
  rootCert,
  tempDir,
} from './fixtures.js';

const FILE = 'signing/tokyo-to/chiyoda-ku.crl';

async function setup(over: Partial<CrlManagerOptions> = {}) {
  const dir = await tempDir();
  const clock = mutableClock();
  const events: CrlEvent[] = [];
  const refreshed: [string, RefreshOutcome][] = [];
  const manager = createCrlManager({
    clock,
    sources: [createDirectorySource({ dir })],
    issuers: [rootCert, otherRootCert],
    schedule: false,
    retryIntervalMs: 10,
    events: (e) => events.push(e),
    metrics: { refreshed: (p, o) => refreshed.push([p, o]) },
    ...over,
  });
  /** Writes a CRL and bumps its mtime so the directory source sees a change. */
  const drop = async (der: Uint8Array, file = FILE): Promise<void> => {
    await dropCrl(dir, file, der);
    const t = new Date(Date.now() + Math.random() * 1e6);
    await utimes(join(dir, file), t, t);
  };
  return { dir, clock, events, refreshed, manager, drop };
}

describe('createCrlManager: lookups', () => {
  it('answers good / revoked with the watermark, from a partition loaded at start', async () => {
    const { manager, drop } = await setup();
    const a = leaf();
    const b = leaf();
    await drop(crl({ crlNumber: 7, entries: [revoked(a, 'keyCompromise')] }));
    expect(manager.ready()).toBe(false);
    await manager.start();
    expect(manager.ready()).toBe(true);
    const good = await manager.lookup(b.cert, rootCert);
    expect(good).toMatchObject({
      status: 'good',
      watermark: { partition: CHIYODA_ID, crlNumber: 7n, thisUpdate: new Date(T0), nextUpdate: new Date(T0 + DAY) },
    });
    expect(await manager.lookup(a.cert, rootCert)).toMatchObject({
      status: 'revoked',
      reason: 'keyCompromise',
      revokedAt: new Date(T0 - HOUR),
    });
    expect(manager.peek(b.cert, rootCert)).toBe(good); // the same frozen answer, no promise, no allocation
  });

  it('loads a partition on first demand', async () => {
    const { manager, drop, refreshed } = await setup();
    await drop(crl({ crlNumber: 1 }));
    expect(await manager.lookup(leaf().cert, rootCert)).toMatchObject({ status: 'good' });
    expect(refreshed).toEqual([[CHIYODA_ID, 'updated']]);
  });

  it('no CRL for the partition: ERR_REVOCATION_UNAVAILABLE, never good', async () => {
    const { manager } = await setup();
    const e = await rejectsWith(manager.lookup(leaf().cert, rootCert), 'ERR_REVOCATION_UNAVAILABLE');
    expect(e.detail).toContain(CHIYODA_ID);
    expect(manager.peek(leaf().cert, rootCert)).toBeUndefined();
    expect(manager.status().partitions[0]).toMatchObject({ partition: CHIYODA_ID, state: 'missing' });
  });

  it('after nextUpdate + grace: ERR_CRL_STALE (and not ready)', async () => {
    const { manager, drop, clock } = await setup({ graceMs: 10 * 60_000 });
    await drop(crl({ crlNumber: 1 }));
    await manager.start();
    clock.set(T0 + DAY + 10 * 60_000);
    expect(await manager.lookup(leaf().cert, rootCert)).toMatchObject({ status: 'good' });
    clock.advance(1);
    await rejectsWith(manager.lookup(leaf().cert, rootCert), 'ERR_CRL_STALE');
    expect(manager.peek(leaf().cert, rootCert)).toBeUndefined();
    expect(manager.ready()).toBe(false);
    expect(manager.status().partitions[0]).toMatchObject({ state: 'stale' });
    // a validation at an earlier time is still answered by that CRL
    expect(await manager.lookup(leaf().cert, rootCert, { at: T0 + HOUR })).toMatchObject({ status: 'good' });
    // a stale partition is refreshed on demand: a newer CRL in place answers at once
    await drop(crl({ crlNumber: 2, thisUpdate: T0 + DAY }));
    expect(await manager.lookup(leaf().cert, rootCert)).toMatchObject({ status: 'good', watermark: { crlNumber: 2n } });
    expect(manager.ready()).toBe(true);
  });

  it('binds the CRL to the issuer key: another root generation → ERR_CRL_ISSUER_MISMATCH', async () => {
    const { manager, drop } = await setup();
    await drop(crl({ crlNumber: 1 }));
    await manager.start();
    await rejectsWith(manager.lookup(leaf().cert, otherRootCert), 'ERR_CRL_ISSUER_MISMATCH');
    // the same CA's other validated key may be the CRL signer (key rollover)
    expect(await manager.lookup(leaf().cert, otherRootCert, { sameCa: [rootCert] })).toMatchObject({ status: 'good' });
  });

  it('a certificate whose DP the CRL does not name exactly: ERR_CRL_UNSUPPORTED_SCOPE', async () => {
    const { manager, drop } = await setup();
    // A CRL filed under Chiyoda whose IDP names Chiyoda-ku in another spelling that slugs alike
    const odd = { prefecture: 'Tokyo to', municipality: 'Chiyoda ku' };
    await drop(crl({ crlNumber: 1, partition: odd }));
    await manager.start();
    expect(manager.status().partitions[0]).toMatchObject({ partition: CHIYODA_ID, state: 'fresh' });
    await rejectsWith(manager.lookup(leaf().cert, rootCert), 'ERR_CRL_UNSUPPORTED_SCOPE');
    expect(await manager.lookup(leaf(odd).cert, rootCert)).toMatchObject({ status: 'good' });
  });
});

describe('createCrlManager: refresh', () => {
  it('swaps only a verified, newer CRL; emits exactly the new serials', async () => {
    const { manager, drop, events, clock } = await setup();
    const [a, b, c] = [leaf(), leaf(), leaf()];
    await drop(crl({ crlNumber: 1, entries: [revoked(a)] }));
    await manager.start();
    await drop(
      crl({ crlNumber: 2, thisUpdate: T0 + HOUR, entries: [revoked(a), revoked(b), revoked(c, 'superseded')] }),
    );
    clock.set(T0 + 2 * HOUR);
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['updated']);
    expect(await manager.lookup(b.cert, rootCert)).toMatchObject({ status: 'revoked', watermark: { crlNumber: 2n } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ partition: CHIYODA_ID, crlNumber: 2n, previousCrlNumber: 1n });
    expect(events[0]!.serials.map((s) => [s.serial, s.reason]).sort()).toEqual(
      [
        [b.cert.serialHex, 'affiliationChanged'],
        [c.cert.serialHex, 'superseded'],
      ].sort(),
    );
    // unchanged file → not-modified; same CRL rewritten → unchanged; neither emits
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['not-modified']);
    await drop(
      crl({ crlNumber: 2, thisUpdate: T0 + HOUR, entries: [revoked(a), revoked(b), revoked(c, 'superseded')] }),
    );
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['unchanged']);
    expect(events).toHaveLength(1);
  });

  it.each([
    ['an older CRL number', 'ERR_CRL_NUMBER_REGRESSED', () => crl({ crlNumber: 4, thisUpdate: T0 + HOUR })],
    ['a bad signature', 'ERR_CRL_SIGNATURE_INVALID', () => tamper(crl({ crlNumber: 6, thisUpdate: T0 + HOUR }))],
    ['a truncated file', 'ERR_DER_TRUNCATED', () => crl({ crlNumber: 6, thisUpdate: T0 + HOUR }).subarray(0, 200)],
    ['garbage', 'ERR_DER_STRUCTURE', () => new Uint8Array(300).fill(0x41)],
    ['a stale CRL', 'ERR_CRL_STALE', () => crl({ crlNumber: 6, thisUpdate: T0 - 3 * DAY })],
    [
      'another partition’s CRL',
      'ERR_CRL_UNSUPPORTED_SCOPE',
      () => crl({ crlNumber: 6, thisUpdate: T0 + HOUR, partition: SHINJUKU }),
    ],
    [
      'a CRL by an untrusted key',
      'ERR_CRL_SIGNATURE_INVALID',
      () =>
        createCrl({
          issuerNameDer: root.subjectDer,
          issuerPrivateKey: pki.root('authentication').privateKey,
          thisUpdate: new Date(T0 + HOUR),
          nextUpdate: new Date(T0 + DAY),
          crlNumber: 6,
        }),
    ],
  ] as const)('%s (%s) changes nothing: the old index keeps serving', async (_, code, make) => {
    const { manager, drop, clock, events } = await setup();
    const a = leaf();
    await drop(crl({ crlNumber: 5, entries: [revoked(a)] }));
    await manager.start();
    await drop(make());
    clock.set(T0 + 2 * HOUR);
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['failed']);
    expect(await manager.lookup(a.cert, rootCert)).toMatchObject({ status: 'revoked', watermark: { crlNumber: 5n } });
    expect(await manager.lookup(leaf().cert, rootCert)).toMatchObject({ status: 'good' });
    expect(manager.status().partitions[0]).toMatchObject({
      state: 'fresh',
      crlNumber: '5',
      lastRefresh: { outcome: 'failed', code },
    });
    expect(events).toEqual([]);
  });

  it('discovers partitions, loads them, reports each in status()', async () => {
    const { manager, drop } = await setup({ partitions: ['signing/hokkaido/sapporo-shi'] });
    await drop(crl({ crlNumber: 1 }));
    await drop(crl({ crlNumber: 3, partition: SHINJUKU }), 'signing/tokyo-to/shinjuku-ku.crl');
    await manager.start();
    const st = manager.status();
    expect(st.ready).toBe(true);
    expect(st.partitions.map((p) => [p.partition, p.state, p.crlNumber])).toEqual([
      ['signing/hokkaido/sapporo-shi', 'missing', undefined],
      [CHIYODA_ID, 'fresh', '1'],
      [SHINJUKU_ID, 'fresh', '3'],
    ]);
    expect(st.partitions[1]).toMatchObject({
      entries: 0,
      ageSeconds: 0,
      via: 'source',
      source: expect.stringContaining(FILE),
    });
    expect(st.partitions[0]!.lastRefresh).toMatchObject({ outcome: 'failed', code: 'ERR_REVOCATION_UNAVAILABLE' });
  });

  it('rejects options that are caller bugs with TypeError', () => {
    expect(() => createCrlManager({ clock: mutableClock(), sources: [], issuers: [rootCert] })).toThrow(TypeError);
    expect(() =>
      createCrlManager({ clock: mutableClock(), sources: [createDirectorySource({ dir: '/x' })], issuers: [] }),
    ).toThrow(TypeError);
  });
});

function tamper(der: Uint8Array): Uint8Array {
  const out = der.slice();
  out[out.length - 5]! ^= 0xff;
  return out;
}
