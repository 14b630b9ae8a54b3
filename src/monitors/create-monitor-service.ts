/**
 * The monitor verbs for the API: create, read, list, delete — owner tenant only (another
 * tenant's id is not found, ERR_MONITOR_NOT_FOUND), each change a chained audit event.
 */
import type { SecurityEvent } from '../audit/chain/security-event.js';
import { GatewayError } from '../errors.js';
import { createMonitor, type CreateMonitorRequest, type MonitorDeps } from './create-monitor.js';
import { MONITOR_ID, type Monitor } from './types.js';

export interface MonitorServiceDeps extends MonitorDeps {
  readonly audit?: { append(event: SecurityEvent): Promise<unknown> };
}

export interface MonitorService {
  create(tenantId: string, body: CreateMonitorRequest): Promise<Monitor>;
  get(tenantId: string, id: string): Promise<Monitor>;
  list(tenantId: string, limit: number): Promise<Monitor[]>;
  delete(tenantId: string, id: string): Promise<void>;
}

export function createMonitorService(deps: MonitorServiceDeps): MonitorService {
  const audit = async (e: SecurityEvent): Promise<void> => {
    await deps.audit?.append(e);
  };
  const get = async (tenantId: string, id: string): Promise<Monitor> => {
    const m = MONITOR_ID.test(id) ? await deps.monitors.get(tenantId, id) : undefined;
    if (!m) throw new GatewayError('ERR_MONITOR_NOT_FOUND');
    return m;
  };
  return Object.freeze({
    async create(tenantId: string, body: CreateMonitorRequest) {
      const m = await createMonitor(deps, tenantId, body);
      await audit({ type: 'monitor.created', ids: { tenantId, monitorId: m.id, sha256: m.certificate.sha256 } });
      return m;
    },
    get,
    list: (tenantId: string, limit: number) => deps.monitors.list(tenantId, Math.max(1, Math.min(limit, 1000))),
    async delete(tenantId: string, id: string) {
      await get(tenantId, id);
      if (!(await deps.monitors.delete(tenantId, id))) throw new GatewayError('ERR_MONITOR_NOT_FOUND');
      await audit({ type: 'monitor.deleted', ids: { tenantId, monitorId: id } });
    },
  });
}
