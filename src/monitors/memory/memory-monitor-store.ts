/** In-memory monitor store: one process (sandbox mode, tests). */
import type { Monitor, MonitorStore } from '../types.js';

export function createMemoryMonitorStore(): MonitorStore {
  const byKey = new Map<string, Monitor>();
  const key = (tenantId: string, id: string): string => `${tenantId}/${id}`;
  return {
    async insert(m) {
      byKey.set(key(m.tenantId, m.id), m);
    },
    get: async (tenantId, id) => byKey.get(key(tenantId, id)),
    list: async (tenantId, limit) =>
      [...byKey.values()]
        .filter((m) => m.tenantId === tenantId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
        .slice(0, limit),
    delete: async (tenantId, id) => byKey.delete(key(tenantId, id)),
    find: async (partition, serial) =>
      [...byKey.values()].filter((m) => m.partition === partition && m.certificate.serialNumber === serial),
    async markRevoked(tenantId, id, revocation) {
      const m = byKey.get(key(tenantId, id));
      if (!m || m.status === 'revoked') return false;
      byKey.set(key(tenantId, id), { ...m, status: 'revoked', revocation });
      return true;
    },
  };
}
