/** POST/GET /v1/monitors, GET/DELETE /v1/monitors/{id}: thin; the monitor service decides. */
import type { MonitorService } from '../../monitors/create-monitor-service.js';
import type { Monitor } from '../../monitors/types.js';
import type { ApiRoutes } from '../api-router.js';
import { tenantOf } from '../tenant-isolation.js';
import { limitOf, translated } from '../evidence/assurance-errors.js';

/** The tenant id is implied by the API key: not repeated in answers. */
function view(m: Monitor): Omit<Monitor, 'tenantId'> {
  const { tenantId: _tenant, ...rest } = m;
  return rest;
}

export function monitorRoutes(monitors: MonitorService): ApiRoutes {
  return (router) => {
    router.route('createMonitor', async (request, reply) =>
      translated(async () => {
        const m = await monitors.create(tenantOf(request).id, request.body);
        reply.code(201).header('location', `/v1/monitors/${m.id}`);
        return view(m);
      }),
    );
    router.route('listMonitors', async (request) =>
      translated(async () => ({
        monitors: (await monitors.list(tenantOf(request).id, limitOf(request.query))).map(view),
      })),
    );
    router.route('getMonitor', async (request) =>
      translated(async () => view(await monitors.get(tenantOf(request).id, request.params.id))),
    );
    router.route('deleteMonitor', async (request, reply) =>
      translated(async () => {
        await monitors.delete(tenantOf(request).id, request.params.id);
        return reply.code(204).send();
      }),
    );
  };
}
