/**
 * Replicas sharing CRL indexes through the memory SharedSnapshots (same semantics as Redis):
 * one replica downloads, the others load its snapshot; conditional GETs continue from the
 * shared validators; a stuck lease expires; an older or invalid snapshot never replaces data.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors.js';
import { createCrlManager } from '../../../src/revocation/manager/create-crl-manager.js';
import type { CrlManager, CrlManagerOptions } from '../../../src/revocation/manager/types.js';
import { createMemorySnapshots } from '../../../src/revocation/shared/create-memory-snapshots.js';
import type { SharedSnapshots } from '../../../src/revocation/shared/types.js';
import { createHttpSource } from '../../../src/revocation/sources/create-http-source.js';
import { startSandboxCrlServer, type SandboxCrlServer } from '../../../src/sandbox/crl-publisher-server.js';
import {
  CHIYODA,
  CHIYODA_ID,
  HOUR,
  leaf,
  mutableClock,
  pki,
  rejectsWith,
  rootCert,
  tempDir,
} from '../manager/fixtures.js';

const clock = mutableClock();
let server: SandboxCrlServer;
let tmp: string;
const managers: CrlManager[] = [];
const card = leaf();

beforeAll(async () => {
  server = await startSandboxCrlServer({ pki, clock, partitions: [CHIYODA] });
  tmp = await tempDir();
});
afterEach(async () => {
  await Promise.all(managers.splice(0).map((m) => m.close()));
});
afterAll(() => server.close());

function replica(shared: SharedSnapshots, over: Partial<CrlManagerOptions> = {}): CrlManager {
  const m = createCrlManager({
    clock,
    sources: [createHttpSource({ urlTemplate: server.urlTemplate, timeoutMs: 2000, tmpDir: tmp })],
    issuers: [rootCert],
    shared,
    schedule: false,
    leaseMs: 2000,
    ...over,
  });
  managers.push(m);
  return m;
}

describe('replicas sharing snapshots (memory adapter)', () => {
  it('one replica downloads, the other loads the snapshot — also when both ask at once', async () => {
    const shared = createMemorySnapshots({ clock });
    const [a, b] = [replica(shared), replica(shared)];
    const before = server.downloads(CHIYODA_ID);
    const [ra, rb] = await Promise.all([a.lookup(card.cert, rootCert), b.lookup(card.cert, rootCert)]);
    expect([ra.status, rb.status]).toEqual(['good', 'good']);
    expect(server.downloads(CHIYODA_ID) - before).toBe(1);
    const vias = [a, b].map((m) => m.status().partitions[0]!.via).sort();
    expect(vias).toEqual(['snapshot', 'source']);
    expect([a, b].map((m) => m.status().shared.state)).toEqual(['ok', 'ok']);
  });

  it('an update is downloaded once; the follower loads it, and its own refresh costs a 304', async () => {
    const shared = createMemorySnapshots({ clock });
    const [a, b] = [replica(shared), replica(shared)];
    await a.lookup(card.cert, rootCert);
    await b.lookup(card.cert, rootCert);
    clock.advance(HOUR);
    server.revoke(card.der, 'keyCompromise', clock.now());
    const before = server.downloads(CHIYODA_ID);
    expect(await a.refresh(CHIYODA_ID)).toEqual(['updated']);
    expect(await b.refresh(CHIYODA_ID)).toEqual(['snapshot-loaded']);
    expect(server.downloads(CHIYODA_ID) - before).toBe(1);
    expect(await b.lookup(card.cert, rootCert)).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    expect(b.status().partitions[0]).toMatchObject({ via: 'snapshot', snapshot: { outcome: 'loaded' } });
  });

  it('a crashed holder’s lease expires and another replica takes over', async () => {
    const shared = createMemorySnapshots({ clock });
    const crashed = await shared.acquireLease(CHIYODA_ID, 60_000); // never released
    expect(crashed).toBeDefined();
    const b = replica(shared, { leaseMs: 1000 });
    // b waits for the holder's snapshot; none comes; meanwhile the lease expires
    const timer = setTimeout(() => clock.advance(61_000), 200);
    try {
      expect(await b.lookup(leaf().cert, rootCert)).toMatchObject({ status: 'good' });
    } finally {
      clearTimeout(timer);
    }
    expect(b.status().partitions[0]).toMatchObject({ via: 'source', snapshot: { outcome: 'published' } });
    expect(await crashed!.renew(1000)).toBe(false);
  });

  it('without the lease and without a snapshot in time: ERR_REVOCATION_UNAVAILABLE, never good', async () => {
    const shared = createMemorySnapshots({ clock });
    await shared.acquireLease(CHIYODA_ID, 3_600_000);
    const b = replica(shared, { leaseMs: 300 });
    await rejectsWith(b.lookup(leaf().cert, rootCert), 'ERR_REVOCATION_UNAVAILABLE');
  });

  it('unreachable store: fetch alone and say so; back: an older snapshot never replaces newer data', async () => {
    const shared = createMemorySnapshots({ clock });
    const flaky = unreliable(shared);
    const early = replica(shared);
    await early.lookup(card.cert, rootCert); // the store holds the current CRL
    clock.advance(HOUR);
    server.republish(CHIYODA_ID);
    flaky.down = true;
    const ahead = replica(flaky);
    expect(await ahead.lookup(leaf().cert, rootCert)).toMatchObject({ status: 'good', watermark: { via: 'source' } });
    expect(ahead.status().shared).toMatchObject({ kind: 'memory', state: 'unreachable' });
    expect(ahead.status().partitions[0]!.snapshot).toMatchObject({ outcome: 'unreachable' });
    const newer = ahead.status().partitions[0]!.crlNumber;
    flaky.down = false;
    await shared.acquireLease(CHIYODA_ID, 3_600_000); // another replica is busy with it
    expect(await ahead.refresh(CHIYODA_ID)).toEqual(['follower']);
    expect(ahead.status().shared.state).toBe('ok');
    expect(ahead.status().partitions[0]).toMatchObject({
      crlNumber: newer,
      via: 'source',
      snapshot: { outcome: 'older' },
    });
    expect(Number(newer)).toBeGreaterThan(Number(early.status().partitions[0]!.crlNumber));
  });

  it('a replica without sources only loads snapshots (and fails closed without one)', async () => {
    const shared = createMemorySnapshots({ clock });
    const follower = replica(shared, { sources: [] });
    await rejectsWith(follower.lookup(card.cert, rootCert), 'ERR_REVOCATION_UNAVAILABLE');
    await replica(shared).lookup(card.cert, rootCert);
    const before = server.downloads(CHIYODA_ID);
    expect(await follower.refresh(CHIYODA_ID)).toEqual(['snapshot-loaded']);
    expect(await follower.lookup(card.cert, rootCert)).toMatchObject({ watermark: { via: 'snapshot' } });
    expect(await follower.refresh(CHIYODA_ID)).toEqual(['follower']);
    expect(server.downloads(CHIYODA_ID)).toBe(before);
  });

  it('an invalid snapshot is refused and the replica fetches for itself', async () => {
    const shared = createMemorySnapshots({ clock });
    const key = new Uint8Array(32).fill(3);
    const a = replica(shared); // publishes without a key
    await a.lookup(card.cert, rootCert);
    const before = server.downloads(CHIYODA_ID);
    const b = replica(shared, { snapshotKey: key });
    expect(await b.lookup(leaf().cert, rootCert)).toMatchObject({ status: 'good', watermark: { via: 'source' } });
    expect(server.downloads(CHIYODA_ID) - before).toBe(1);
    expect(b.status().partitions[0]!.snapshot).toMatchObject({ outcome: 'published' });
  });
});

/** The store, or ERR_CRL_SHARED_UNAVAILABLE on every call while `down`. */
function unreliable(inner: SharedSnapshots): SharedSnapshots & { down: boolean } {
  const w = { down: false } as SharedSnapshots & { down: boolean };
  const gate =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      if (w.down) throw new GatewayError('ERR_CRL_SHARED_UNAVAILABLE', 'test: store down');
      return f(...a);
    };
  return Object.assign(w, {
    kind: inner.kind,
    acquireLease: gate(inner.acquireLease),
    head: gate(inner.head),
    load: gate(inner.load),
    publish: gate(inner.publish),
    list: gate(inner.list),
  });
}
