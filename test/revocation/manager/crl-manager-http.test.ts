/**
 * Refresh over real HTTP on loopback against the sandbox J-LIS publisher: conditional GET,
 * revocation → next refresh → event, and the fault matrix (cut, 500, garbage, slow, redirect,
 * replayed older CRL, stale CRL): the old index keeps serving and status() names the failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrlEvent } from '../../../src/revocation/events/types.js';
import { createCrlManager } from '../../../src/revocation/manager/create-crl-manager.js';
import type { CrlManager } from '../../../src/revocation/manager/types.js';
import { createHttpSource } from '../../../src/revocation/sources/create-http-source.js';
import {
  startSandboxCrlServer,
  type CrlServerFault,
  type SandboxCrlServer,
} from '../../../src/sandbox/crl-publisher-server.js';
import { CHIYODA, CHIYODA_ID, DAY, HOUR, leaf, mutableClock, pki, rejectsWith, rootCert, tempDir } from './fixtures.js';

const clock = mutableClock();
const GRACE = 10 * 60_000;
let server: SandboxCrlServer;
let manager: CrlManager;
const events: CrlEvent[] = [];
const card = leaf();
const other = leaf();

beforeAll(async () => {
  server = await startSandboxCrlServer({ pki, clock, partitions: [CHIYODA], slowMs: 3000 });
  manager = createCrlManager({
    clock,
    sources: [createHttpSource({ urlTemplate: server.urlTemplate, timeoutMs: 500, tmpDir: await tempDir() })],
    issuers: [rootCert],
    graceMs: GRACE,
    schedule: false,
    events: (e) => events.push(e),
  });
  await manager.start();
});
afterAll(async () => {
  await manager.close();
  await server.close();
});

const lookupBoth = async () => [
  (await manager.lookup(card.cert, rootCert)).status,
  (await manager.lookup(other.cert, rootCert)).status,
];

describe('CRL refresh over HTTP (sandbox J-LIS)', () => {
  it('discovers nothing but loads on first demand, then gets 304s', async () => {
    expect(await lookupBoth()).toEqual(['good', 'good']);
    expect(server.downloads(CHIYODA_ID)).toBe(1);
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['not-modified']);
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['not-modified']);
    expect(server.downloads(CHIYODA_ID)).toBe(1);
  });

  it('revoking a sandbox card shows in the next CRL, with one event naming exactly it', async () => {
    clock.advance(HOUR);
    server.revoke(card.der, 'affiliationChanged', clock.now());
    expect(await lookupBoth()).toEqual(['good', 'good']); // not refreshed yet
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['updated']);
    expect(await lookupBoth()).toEqual(['revoked', 'good']);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'crl.revocations',
      partition: CHIYODA_ID,
      crlNumber: 2n,
      previousCrlNumber: 1n,
    });
    expect(events[0]!.serials).toEqual([
      { serial: card.cert.serialHex, reason: 'affiliationChanged', revokedAt: clock.now() },
    ]);
    expect(server.downloads(CHIYODA_ID)).toBe(2);
  });

  it.each([
    ['cut', 'ERR_CRL_FETCH_FAILED'],
    ['500', 'ERR_CRL_FETCH_FAILED'],
    ['slow', 'ERR_CRL_FETCH_FAILED'],
    ['redirect', 'ERR_CRL_FETCH_FAILED'],
    ['garbage', undefined],
    ['replay', 'ERR_CRL_NUMBER_REGRESSED'],
    ['stale', 'ERR_CRL_STALE'],
  ] as const)('fault %s → refresh fails (%s), the old index keeps serving', async (fault, code) => {
    server.revoke(other.der, 'superseded', clock.now()); // a newer CRL exists, unseen while faulty
    server.setFault(fault as CrlServerFault);
    try {
      expect(await manager.refresh(CHIYODA_ID)).toEqual(['failed']);
    } finally {
      server.setFault('none');
    }
    const st = manager.status().partitions[0]!;
    expect(st).toMatchObject({ state: 'fresh', crlNumber: '2', lastRefresh: { outcome: 'failed' } });
    if (code) expect(st.lastRefresh!.code).toBe(code);
    else expect(st.lastRefresh!.code).toMatch(/^ERR_(DER|CRL)_/);
    expect(await lookupBoth()).toEqual(['revoked', 'good']);
    expect(events).toHaveLength(1);
  });

  it('after the faults, the next refresh takes the newer CRL', async () => {
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['updated']);
    expect(await lookupBoth()).toEqual(['revoked', 'revoked']);
    expect(events[1]!.serials.map((s) => s.serial)).toEqual([other.cert.serialHex]);
  });

  it('a partition past nextUpdate + grace answers ERR_CRL_STALE while the source is down', async () => {
    const w = (await manager.lookup(card.cert, rootCert)).watermark;
    server.setFault('500');
    try {
      clock.set(w.nextUpdate.getTime() + GRACE + 1);
      expect(await manager.refresh(CHIYODA_ID)).toEqual(['failed']);
      await rejectsWith(manager.lookup(other.cert, rootCert), 'ERR_CRL_STALE');
      await rejectsWith(manager.lookup(card.cert, rootCert), 'ERR_CRL_STALE');
      expect(manager.ready()).toBe(false);
    } finally {
      server.setFault('none');
    }
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['not-modified']); // J-LIS has nothing newer yet
    await rejectsWith(manager.lookup(other.cert, rootCert), 'ERR_CRL_STALE');
    server.republish(CHIYODA_ID);
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['updated']);
    expect(manager.ready()).toBe(true);
    expect((await manager.lookup(other.cert, rootCert)).watermark.nextUpdate.getTime()).toBeGreaterThan(
      clock.ms() + DAY - 1000,
    );
  });
});
