import { describe, expect, it } from 'vitest';
import { createMemoryAuditLog } from '../../../../src/audit/memory-audit-log.js';
import { createMyNumberVault } from '../../../../src/identity/my-number/vault/index.js';
import { createMemoryVaultStore } from '../../../../src/storage/sessions/memory-vault-store.js';
import { manualClock } from '../../../storage/contract/manual-clock.js';
import { FAKE_DIGITS, fakeMyNumber, ring } from './fixtures.js';

const REF = { tenantId: 'acme', sessionId: 'ses_AAAAAAAAAAAAAAAAAAAAAA' };

function setup(ttlMs = 60_000) {
  const clock = manualClock();
  const audit = createMemoryAuditLog();
  const store = createMemoryVaultStore(clock);
  const vault = createMyNumberVault({ store, keyRing: ring('k1'), audit, clock, ttlMs, backstopGraceMs: 60_000 });
  return { clock, audit, store, vault };
}

describe('createMyNumberVault', () => {
  it('stores, reads ONCE, then answers gone; store, read and deletion are audit events without the number', async () => {
    const { vault, audit } = setup();
    await vault.store(REF, fakeMyNumber());
    expect(await vault.isAvailable(REF)).toBe(true);
    const first = await vault.readOnce(REF);
    expect(first.status === 'read' && first.myNumber.reveal()).toBe(FAKE_DIGITS);
    expect((await vault.readOnce(REF)).status).toBe('gone');
    expect(await vault.isAvailable(REF)).toBe(false);
    expect(audit.events.map((e) => [e.type, e.reason ?? null, e.keyId ?? null])).toEqual([
      ['my_number.stored', null, 'k1'],
      ['my_number.read', null, 'k1'],
      ['my_number.deleted', 'read_once', null],
    ]);
    for (const e of audit.events) {
      expect(e).toMatchObject({ tenantId: 'acme', sessionId: REF.sessionId, at: '2026-03-01T00:00:00.000Z' });
      expect(JSON.stringify(e)).not.toContain(FAKE_DIGITS);
    }
  });

  it('deletes at TTL: the sweeper removes and audits each due record once; reads after the TTL are gone', async () => {
    const { vault, audit, clock } = setup(60_000);
    await vault.store(REF, fakeMyNumber());
    await vault.store({ ...REF, sessionId: 'ses_BBBBBBBBBBBBBBBBBBBBBB' }, fakeMyNumber('b'));
    expect(await vault.sweepExpired()).toBe(0);
    clock.advance(60_000);
    expect(await vault.isAvailable(REF)).toBe(false);
    expect(await vault.sweepExpired()).toBe(2);
    expect(await vault.sweepExpired()).toBe(0);
    expect((await vault.readOnce(REF)).status).toBe('gone');
    const deleted = audit.events.filter((e) => e.type === 'my_number.deleted');
    expect(deleted.map((e) => e.reason)).toEqual(['expired', 'expired']);
    expect(audit.events.some((e) => e.type === 'my_number.read')).toBe(false);
  });

  it('a read after the TTL but before the sweep deletes and audits as expired, never discloses', async () => {
    const { vault, audit, clock } = setup(60_000);
    await vault.store(REF, fakeMyNumber());
    clock.advance(60_001);
    expect((await vault.readOnce(REF)).status).toBe('gone');
    expect(audit.events.at(-1)).toMatchObject({ type: 'my_number.deleted', reason: 'expired' });
    expect(await vault.sweepExpired()).toBe(0);
  });

  it('discard deletes unread with its own reason; a second store for one session is a caller bug', async () => {
    const { vault, audit } = setup();
    await vault.store(REF, fakeMyNumber());
    await expect(vault.store(REF, fakeMyNumber())).rejects.toThrow(TypeError);
    await vault.discard(REF);
    expect(audit.events.at(-1)).toMatchObject({ type: 'my_number.deleted', reason: 'discarded' });
    expect((await vault.readOnce(REF)).status).toBe('gone');
  });

  it('a failing audit log fails the read closed: nothing disclosed', async () => {
    const clock = manualClock();
    const store = createMemoryVaultStore(clock);
    let fail = false;
    const audit = {
      record: async () => {
        if (fail) throw new Error('audit down');
      },
    };
    const vault = createMyNumberVault({ store, keyRing: ring('k1'), audit, clock });
    await vault.store(REF, fakeMyNumber());
    fail = true;
    await expect(vault.readOnce(REF)).rejects.toThrow('audit down');
  });
});
