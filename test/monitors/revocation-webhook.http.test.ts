/**
 * 現況確認 end to end with real parts: a monitor on a sandbox card's signing certificate; the
 * sandbox J-LIS CRL publisher (HTTP, loopback) revokes the card; the CRL manager's next
 * refresh emits crl.revocations; the monitor turns it into a certificate.revoked webhook that
 * a real receiver gets, signed, with the reason's JPKI meaning and no personal data — once per
 * monitoring tenant, never again on later refreshes, nothing for unrevoked certificates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryMonitorStore } from '../../src/monitors/memory/memory-monitor-store.js';
import { createMonitor } from '../../src/monitors/create-monitor.js';
import { onCrlRevocations } from '../../src/monitors/revocation-webhooks.js';
import type { Monitor } from '../../src/monitors/types.js';
import type { CrlEvent } from '../../src/revocation/events/types.js';
import { createCrlManager } from '../../src/revocation/manager/create-crl-manager.js';
import type { CrlManager } from '../../src/revocation/manager/types.js';
import { createHttpSource } from '../../src/revocation/sources/create-http-source.js';
import { startSandboxCrlServer, type SandboxCrlServer } from '../../src/sandbox/crl-publisher-server.js';
import { createMemorySessionStore } from '../../src/storage/sessions/memory-session-store.js';
import { createWebhookDispatcher } from '../../src/webhooks/create-webhook-dispatcher.js';
import { createMemoryOutbox } from '../../src/webhooks/memory/memory-outbox.js';
import {
  CHIYODA,
  CHIYODA_ID,
  HOUR,
  leaf,
  mutableClock,
  pki,
  rootCert,
  tempDir,
} from '../revocation/manager/fixtures.js';
import { card, certB64 } from '../sessions/fixtures.js';
import { SECRET } from '../webhooks/fixtures.js';
import { startReceiver, type Receiver } from '../webhooks/receiver.js';

const clock = mutableClock();
const monitors = createMemoryMonitorStore();
const outbox = createMemoryOutbox();
const handled: Promise<number>[] = [];
let server: SandboxCrlServer;
let manager: CrlManager;
let rx: Receiver;

const dispatcher = createWebhookDispatcher({
  outbox,
  clock,
  secretOf: () => SECRET,
  settings: { timeoutMs: 2000, leaseMs: 5000 },
});
const deps = { monitors, sessions: createMemorySessionStore(clock), clock };

beforeAll(async () => {
  rx = await startReceiver(SECRET);
  server = await startSandboxCrlServer({ pki, clock, partitions: [CHIYODA] });
  manager = createCrlManager({
    clock,
    sources: [createHttpSource({ urlTemplate: server.urlTemplate, timeoutMs: 2000, tmpDir: await tempDir() })],
    issuers: [rootCert],
    schedule: false,
    // as the gateway wires it: the manager's event hook hands each update to the monitors
    events: (e: CrlEvent) => void handled.push(onCrlRevocations({ monitors, outbox, clock }, e)),
  });
  await manager.start();
});
afterAll(async () => {
  await manager?.close();
  await server?.close();
  await rx?.close();
});

describe('a revoked sandbox card reaches the monitor webhook after the next CRL refresh', () => {
  const c = card('valid');
  const other = leaf();
  let mine: Monitor;
  let theirs: Monitor;

  it('monitors for two tenants on the card, one on another certificate; the partition loads', async () => {
    mine = await createMonitor(deps, 'brokerage', {
      certificate: certB64(c.signing.der),
      webhookUrl: `${rx.url}/brokerage`,
      reference: 'customer-42',
    });
    theirs = await createMonitor(deps, 'bank', { certificate: certB64(c.signing.der), webhookUrl: `${rx.url}/bank` });
    await createMonitor(deps, 'brokerage', { certificate: certB64(other.der), webhookUrl: `${rx.url}/other` });
    expect(mine).toMatchObject({
      partition: CHIYODA_ID,
      status: 'active',
      certificate: { serialNumber: c.signing.serial.toLowerCase() },
    });
    expect((await manager.lookup(other.cert, rootCert)).status).toBe('good');
  });

  it('nothing before the refresh; after it, one signed certificate.revoked per monitor with the JPKI meaning', async () => {
    clock.advance(HOUR);
    const revokedAt = clock.now();
    server.revoke(c.signing.der, 'affiliationChanged', revokedAt);
    await dispatcher.runOnce();
    expect(rx.received).toHaveLength(0);

    expect(await manager.refresh(CHIYODA_ID)).toEqual(['updated']);
    expect(await Promise.all(handled)).toEqual([2]);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 2, retried: 0, dead: 0 });
    const byPath = Object.fromEntries(rx.received.map((r) => [r.path, r]));
    expect(Object.keys(byPath).sort()).toEqual(['/hooks/bank', '/hooks/brokerage']);
    const got = byPath['/hooks/brokerage']!;
    expect(got.check.ok).toBe(true);
    expect(got.body).toMatchObject({
      type: 'certificate.revoked',
      data: {
        status: 'revoked',
        monitorId: mine.id,
        certificateSha256: mine.certificate.sha256,
        serialNumber: mine.certificate.serialNumber,
        reason: 'affiliationChanged',
        reasonMeaning: 'a basic-four attribute changed (move, name change): re-verify the customer',
        revokedAt: revokedAt.toISOString(),
        reference: 'customer-42',
      },
    });
    expect(byPath['/hooks/bank']!.body.data.monitorId).toBe(theirs.id);
    // ids only: the card holder's name, address and birth date appear nowhere
    for (const r of rx.received) {
      expect(r.rawBody).not.toContain(c.identity.name);
      expect(r.rawBody).not.toContain(c.identity.address);
      expect(r.rawBody).not.toContain('1990');
    }
    expect(await monitors.get('brokerage', mine.id)).toMatchObject({
      status: 'revoked',
      revocation: { reason: 'affiliationChanged', crlNumber: '2' },
    });
  });

  it('later refreshes (another revocation in the partition) send nothing more for these monitors', async () => {
    clock.advance(HOUR);
    server.revoke(leaf().der, 'superseded', clock.now());
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['updated']);
    expect(await Promise.all(handled)).toEqual([2, 0]);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    expect(rx.received).toHaveLength(2);
  });

  it('the same CRL event handled by two replicas at once enqueues one webhook', async () => {
    const third = leaf();
    const m = await createMonitor(deps, 'brokerage', { certificate: certB64(third.der), webhookUrl: `${rx.url}/x` });
    const event: CrlEvent = {
      type: 'crl.revocations',
      partition: CHIYODA_ID,
      crlNumber: 4n,
      thisUpdate: clock.now(),
      previousCrlNumber: 3n,
      previousThisUpdate: clock.now(),
      serials: [{ serial: m.certificate.serialNumber, reason: 'cessationOfOperation', revokedAt: clock.now() }],
    };
    const counts = await Promise.all([1, 2].map(() => onCrlRevocations({ monitors, outbox, clock }, event)));
    expect(counts.sort()).toEqual([0, 1]);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(rx.received.at(-1)!.body.data).toMatchObject({
      reason: 'cessationOfOperation',
      reasonMeaning: 'no longer needed (e.g. the holder returned the card or died)',
    });
  });
});
