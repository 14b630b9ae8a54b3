/** One contract for every MonitorStore adapter (memory, Redis). */
import { describe, expect, it } from 'vitest';
import type { Monitor, MonitorStore } from '../../src/monitors/types.js';

const m = (tenantId: string, n: number, serial = 'abcd0001', partition = 'signing/tokyo-to/chiyoda-ku'): Monitor => ({
  id: `mon_${String(n).padStart(22, '0')}`,
  tenantId,
  createdAt: new Date(Date.UTC(2026, 2, 1, 0, 0, n)).toISOString(),
  webhookUrl: 'https://rp.example.jp/hooks',
  certificate: {
    sha256: 'ab'.repeat(32),
    serialNumber: serial,
    issuer: 'C=JP, O=JPKI',
    notAfter: '2031-01-01T00:00:00.000Z',
  },
  partition,
  status: 'active',
});
const rev = {
  reason: 'affiliationChanged',
  reasonMeaning: 'x',
  revokedAt: '2026-03-01T00:00:00.000Z',
  detectedAt: '2026-03-01T01:00:00.000Z',
};

export function monitorStoreContract(name: string, make: () => Promise<MonitorStore>): void {
  describe(`${name} monitor store`, () => {
    it('insert, get per tenant, list newest first, delete', async () => {
      const s = await make();
      await s.insert(m('acme', 1));
      await s.insert(m('acme', 2));
      await s.insert(m('other', 3));
      expect(await s.get('acme', m('acme', 1).id)).toEqual(m('acme', 1));
      expect(await s.get('other', m('acme', 1).id)).toBeUndefined();
      expect((await s.list('acme', 10)).map((x) => x.id)).toEqual([m('acme', 2).id, m('acme', 1).id]);
      expect((await s.list('acme', 1)).length).toBe(1);
      expect(await s.delete('acme', m('acme', 1).id)).toBe(true);
      expect(await s.delete('acme', m('acme', 1).id)).toBe(false);
      expect((await s.list('acme', 10)).map((x) => x.id)).toEqual([m('acme', 2).id]);
    });

    it('find: every tenant, by partition and serial; deleted monitors are gone from it', async () => {
      const s = await make();
      await s.insert(m('acme', 1));
      await s.insert(m('other', 2));
      await s.insert(m('acme', 3, 'ffff'));
      await s.insert(m('acme', 4, 'abcd0001', 'signing/tokyo-to/shinjuku-ku'));
      const found = await s.find('signing/tokyo-to/chiyoda-ku', 'abcd0001');
      expect(found.map((x) => x.id).sort()).toEqual([m('acme', 1).id, m('other', 2).id]);
      await s.delete('other', m('other', 2).id);
      expect((await s.find('signing/tokyo-to/chiyoda-ku', 'abcd0001')).map((x) => x.id)).toEqual([m('acme', 1).id]);
    });

    it('markRevoked records once (concurrently too), never for a missing monitor', async () => {
      const s = await make();
      await s.insert(m('acme', 1));
      const results = await Promise.all([1, 2, 3].map(() => s.markRevoked('acme', m('acme', 1).id, rev)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await s.get('acme', m('acme', 1).id)).toEqual({ ...m('acme', 1), status: 'revoked', revocation: rev });
      expect(await s.markRevoked('acme', m('acme', 9).id, rev)).toBe(false);
      expect(await s.get('acme', m('acme', 9).id)).toBeUndefined();
    });
  });
}
