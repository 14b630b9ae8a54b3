/**
 * Per-tenant rate limit (onRequest, after auth, before the body is parsed): tenants by id,
 * widget calls by a hash of their client token. Store failures fail closed (503).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimiter } from '../storage/rate-limiter.js';
import { ApiError } from './http-errors.js';
import { tenantKeyPrefix } from './tenant-isolation.js';

const WINDOW_MS = 60_000;

export function createRateLimitHook(limiter: RateLimiter, defaultPerMinute: number) {
  return async function rateLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    let key: string;
    let limit = defaultPerMinute;
    if (request.tenant) {
      key = `${tenantKeyPrefix(request.tenant.id)}api`;
      limit = request.tenant.rateLimitPerMinute ?? defaultPerMinute;
    } else if (request.clientToken) {
      key = `c:${createHash('sha256').update(request.clientToken).digest('hex').slice(0, 32)}`;
    } else {
      return;
    }
    const decision = await limiter.hit(key, { limit, windowMs: WINDOW_MS });
    if (!decision.allowed) {
      throw new ApiError('ERR_RATE_LIMITED', undefined, {
        'retry-after': String(Math.ceil(decision.retryAfterMs / 1000)),
      });
    }
    reply.header('ratelimit-limit', String(limit));
    reply.header('ratelimit-remaining', String(decision.remaining));
  };
}
