/**
 * createMemorySnapshots: SharedSnapshots inside one process — the default without Redis, and
 * the reference behaviour the Redis adapter is tested against (leases expire on the injected
 * clock, publishing is fenced by the lease).
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { SharedSnapshots, Snapshot, SnapshotLease, SnapshotMeta } from './types.js';

export function createMemorySnapshots(opts: { clock: Clock }): SharedSnapshots {
  const now = (): number => opts.clock.now().getTime();
  const leases = new Map<string, { token: string; expiresAt: number }>();
  const snapshots = new Map<string, { snapshot: Snapshot; expiresAt: number }>();
  const held = (partition: string, token: string): boolean => {
    const l = leases.get(partition);
    return !!l && l.token === token && l.expiresAt > now();
  };
  const current = (partition: string): Snapshot | undefined => {
    const s = snapshots.get(partition);
    if (s && s.expiresAt <= now()) snapshots.delete(partition);
    return s && s.expiresAt > now() ? s.snapshot : undefined;
  };
  return {
    kind: 'memory',
    async acquireLease(partition, ttlMs): Promise<SnapshotLease | undefined> {
      const l = leases.get(partition);
      if (l && l.expiresAt > now()) return undefined;
      const token = randomBytes(16).toString('hex');
      leases.set(partition, { token, expiresAt: now() + ttlMs });
      return {
        partition,
        token,
        renew: async (ms) => {
          if (!held(partition, token)) return false;
          leases.set(partition, { token, expiresAt: now() + ms });
          return true;
        },
        release: async () => {
          if (leases.get(partition)?.token === token) leases.delete(partition);
        },
      };
    },
    async head(partition): Promise<SnapshotMeta | undefined> {
      return current(partition)?.meta;
    },
    async load(partition): Promise<Snapshot | undefined> {
      return current(partition);
    },
    async publish(lease, snapshot, ttlMs): Promise<boolean> {
      if (!held(lease.partition, lease.token)) return false;
      snapshots.set(lease.partition, { snapshot, expiresAt: now() + ttlMs });
      return true;
    },
    async list(): Promise<SnapshotMeta[]> {
      return [...snapshots.keys()].flatMap((p) => current(p)?.meta ?? []);
    },
  };
}
