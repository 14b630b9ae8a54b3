/**
 * Idempotency-Key on mutating RP calls (contract §5): the preHandler claims the key for this
 * request's fingerprint (method, path, body); onSend stores the answer (below 500) or gives
 * the claim up (5xx, so a retry runs again). Same key + same request → the stored response
 * with `Idempotent-Replayed: true`; another request → 422; still running → 409.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IdempotencyStore } from '../storage/idempotency-store.js';
import { ApiError } from './http-errors.js';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const KEPT_HEADERS = ['content-type', 'location'];

function fingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url.split('?')[0]}\n`)
    .update(JSON.stringify(request.body ?? null))
    .digest('hex');
}

export function createIdempotencyHooks(store: IdempotencyStore, lockTtlMs: number) {
  async function claim(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const op = request.routeOptions.config.operation;
    const key = request.headers['idempotency-key'];
    if (!op?.idempotent || !request.tenant || typeof key !== 'string') return undefined;
    const fp = fingerprint(request);
    const result = await store.claim(request.tenant.id, key, fp, lockTtlMs);
    switch (result.state) {
      case 'claimed':
        request.idempotency = { key, fingerprint: fp };
        return undefined;
      case 'mismatch':
        throw new ApiError('ERR_IDEMPOTENCY_KEY_REUSED');
      case 'in_progress':
        throw new ApiError('ERR_IDEMPOTENCY_IN_PROGRESS');
      case 'replay':
        return reply
          .code(result.response.status)
          .headers({ ...result.response.headers, 'idempotent-replayed': 'true' })
          .send(result.response.body);
    }
  }

  async function record(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const claimed = request.idempotency;
    if (!claimed || !request.tenant) return payload;
    request.idempotency = undefined; // onSend may run again for an error response
    try {
      if (reply.statusCode >= 500 || typeof payload !== 'string') {
        await store.release(request.tenant.id, claimed.key, claimed.fingerprint);
      } else {
        const headers: Record<string, string> = {};
        for (const h of KEPT_HEADERS) {
          const v = reply.getHeader(h);
          if (typeof v === 'string') headers[h] = v;
        }
        const response = { status: reply.statusCode, headers, body: payload };
        await store.complete(request.tenant.id, claimed.key, claimed.fingerprint, response, IDEMPOTENCY_TTL_MS);
      }
    } catch (e) {
      // The request itself succeeded; the claim lapses after its lock TTL.
      request.log.warn({ err: e }, 'idempotency record not stored');
    }
    return payload;
  }

  return { claim, record };
}
