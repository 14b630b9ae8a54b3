/**
 * Operations endpoints: /healthz (the process answers), /readyz (store reachable, trust and
 * revocation usable — the revocation part comes from the `readiness` callback the lead wires
 * to the CRL manager), /metrics (Prometheus), /openapi.json.
 */
import type { GatewayMetrics } from '../observability/metrics.js';
import type { ApiStores } from '../storage/api-stores.js';
import type { ApiRouter } from './api-router.js';

export interface ReadinessCheck {
  readonly name: string;
  readonly ok: boolean;
  /** Public text: no secrets, no URLs with credentials. */
  readonly detail?: string;
}

export type ReadinessProbe = () => Promise<readonly ReadinessCheck[]> | readonly ReadinessCheck[];

export interface OperationsDeps {
  readonly mode: 'sandbox' | 'production';
  readonly stores: ApiStores;
  readonly metrics: GatewayMetrics;
  /** Trust, revocation and anything else the server wires in. */
  readonly readiness?: ReadinessProbe;
}

async function storeCheck(stores: ApiStores): Promise<ReadinessCheck> {
  try {
    await stores.ping();
    return { name: 'store', ok: true };
  } catch {
    return { name: 'store', ok: false, detail: `${stores.kind} store unreachable` };
  }
}

export function registerOperations(router: ApiRouter, deps: OperationsDeps): void {
  const document = JSON.stringify(router.openapi.document);
  router.route('getHealth', async () => ({ status: 'ok' as const }));
  router.route('getReadiness', async (_request, reply) => {
    let extra: readonly ReadinessCheck[];
    try {
      extra = deps.readiness ? await deps.readiness() : [];
    } catch {
      extra = [{ name: 'readiness', ok: false, detail: 'readiness probe failed' }];
    }
    const checks = [await storeCheck(deps.stores), ...extra];
    const ready = checks.every((c) => c.ok);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', mode: deps.mode, checks });
  });
  router.route('getMetrics', async (_request, reply) =>
    reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
  );
  router.route('getOpenApiDocument', async (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(document),
  );
}
