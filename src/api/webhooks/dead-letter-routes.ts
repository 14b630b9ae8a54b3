/** GET /v1/webhooks/dead-letters and POST …/{id}/redrive: the tenant's own dead letters only. */
import { listDeadLetters, redriveDeadLetter, type DeadLetterDeps } from '../../webhooks/dead-letters.js';
import type { ApiRoutes } from '../api-router.js';
import { tenantOf } from '../tenant-isolation.js';
import { limitOf, translated } from '../evidence/assurance-errors.js';

export function deadLetterRoutes(deps: DeadLetterDeps): ApiRoutes {
  return (router) => {
    router.route('listWebhookDeadLetters', async (request) =>
      translated(async () => ({
        deadLetters: (await listDeadLetters(deps, tenantOf(request).id, limitOf(request.query))).map((d) => ({
          id: d.event.id,
          type: d.event.type,
          url: d.event.url,
          createdAt: d.event.createdAt,
          body: d.event.body,
          attempts: d.attempts,
          ...(d.lastError ? { lastError: d.lastError } : {}),
          deadAt: d.deadAt,
        })),
      })),
    );
    router.route('redriveWebhookDeadLetter', async (request, reply) =>
      translated(async () => {
        await redriveDeadLetter(deps, tenantOf(request).id, request.params.id);
        reply.code(202);
        return { id: request.params.id, status: 'queued' as const };
      }),
    );
  };
}
