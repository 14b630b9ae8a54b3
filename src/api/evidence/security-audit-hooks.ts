/**
 * API security events into the audit chain: every use of an API key (tenant, operation,
 * request id) is appended before the handler runs — if the chain cannot take it, the request
 * fails closed (503) — and refused keys (401/403) and created sessions are appended once the
 * answer is known. Ids only: never the key, the body or a header value.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SecurityEvent } from '../../audit/chain/security-event.js';
import { StoreUnavailableError } from '../../storage/store-unavailable.js';
import { bearerToken } from '../authenticate.js';

export interface AuditAppender {
  append(event: SecurityEvent): Promise<unknown>;
}

const SESSION_ID = /"id":"(ses_[A-Za-z0-9]{16,64})"/;

export function registerSecurityAudit(app: FastifyInstance, audit: AuditAppender): void {
  const operationId = (r: FastifyRequest): string => r.routeOptions.config.operation?.operationId ?? 'unknown';
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.tenant) return;
    try {
      await audit.append({
        type: 'api_key.used',
        ids: { tenantId: request.tenant.id, operationId: operationId(request), requestId: request.id },
      });
    } catch (e) {
      throw new StoreUnavailableError('audit', 'append', { cause: e });
    }
  });
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode === 201 && operationId(request) === 'createSession' && request.tenant) {
      const id = typeof payload === 'string' ? SESSION_ID.exec(payload)?.[1] : undefined;
      // The session exists whatever happens here: failing the answer would only make the RP retry.
      if (id)
        await audit
          .append({ type: 'session.created', ids: { tenantId: request.tenant.id, sessionId: id } })
          .catch((err: unknown) => request.log.error({ err }, 'audit append failed'));
    }
    return payload;
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const refused = reply.statusCode === 401 || reply.statusCode === 403;
    const apiKey = request.routeOptions.config.operation?.security.some((s) => s.scheme === 'apiKey');
    if (!refused || !apiKey || bearerToken(request) === undefined) return;
    await audit
      .append({
        type: 'api_key.rejected',
        ids: { operationId: operationId(request), requestId: request.id, status: String(reply.statusCode) },
      })
      .catch((err: unknown) => request.log.error({ err }, 'audit append failed'));
  });
}
