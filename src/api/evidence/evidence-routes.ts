/**
 * GET /v1/evidence/{id} and GET /v1/evidence/{id}/export: owner tenant only (another tenant's
 * id is a 404), no-store (the record holds the verified identity), every read an audit event.
 */
import type { EvidenceService } from '../../evidence/create-evidence-service.js';
import type { ApiRoutes } from '../api-router.js';
import { tenantOf } from '../tenant-isolation.js';
import { translated } from './assurance-errors.js';

export function evidenceRoutes(evidence: EvidenceService): ApiRoutes {
  return (router) => {
    router.route('getEvidence', async (request, reply) =>
      translated(async () => {
        const { record, sha256 } = await evidence.get(tenantOf(request).id, request.params.id);
        reply.header('cache-control', 'no-store');
        return {
          id: record.id,
          sessionId: record.sessionId,
          type: record.sessionType,
          createdAt: record.times.recordedAt,
          sha256,
          record,
        };
      }),
    );
    router.route('exportEvidence', async (request, reply) =>
      translated(async () => {
        const exp = await evidence.export(tenantOf(request).id, request.params.id);
        reply.header('cache-control', 'no-store');
        reply.header('content-disposition', `attachment; filename="${exp.record.id}.json"`);
        return exp;
      }),
    );
  };
}
