/**
 * The cross-device endpoints (not RP API: the widget's own, documented in the README):
 *   POST /widget/api/handoffs            desktop, Bearer clientToken → { id }
 *   GET  /widget/api/handoffs/:id        desktop, Bearer clientToken → { state, hint?, qr? } (polled once a second)
 *   POST /widget/api/handoffs/:id/claim  phone, { t, c } from the QR URL → { clientToken, sandboxCardId? } once
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../../clock.js';
import { isGatewayError } from '../../errors.js';
import type { SessionService } from '../../sessions/index.js';
import { bearerToken } from '../authenticate.js';
import { ApiError } from '../http-errors.js';
import { toApiError } from '../sessions/to-api-error.js';
import type { HandoffStore } from './handoff-store.js';
import { checkQrCode, qrCode } from './qr-code.js';

export interface HandoffDeps {
  readonly service: SessionService;
  readonly store: HandoffStore;
  readonly clock: Clock;
  readonly secret: Uint8Array;
  readonly publicUrl: () => string;
  readonly sandbox: boolean;
}

const FOLLOW_GRACE_MS = 15 * 60_000;
const HANDOFF_ID = /^hf_[A-Za-z0-9_-]{22}$/;
const CARD_ID = /^card_[A-Za-z0-9]{1,64}$/;
const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

function tokenOf(request: FastifyRequest): string {
  const token = bearerToken(request);
  if (!token) throw new ApiError('ERR_UNAUTHORIZED', 'send Authorization: Bearer <clientToken>');
  return token;
}

export function handoffRoutes(app: FastifyInstance, d: HandoffDeps): void {
  const elapsed = (startedAt: number): number => Math.max(0, Math.floor((d.clock.now().getTime() - startedAt) / 1000));
  const mobileUrl = (id: string, t: number): string =>
    `${d.publicUrl().replace(/\/+$/, '')}/widget/m/${id}?t=${t}&c=${qrCode(d.secret, id, t)}`;

  /** The handoff of this desktop: unknown id and wrong token look the same (404). */
  const owned = async (request: FastifyRequest, id: string) => {
    const token = tokenOf(request);
    const record = HANDOFF_ID.test(id) ? await d.store.get(id) : undefined;
    const ok =
      record !== undefined &&
      timingSafeEqual(Buffer.from(sha256Hex(token), 'hex'), Buffer.from(record.clientTokenHash, 'hex'));
    if (!ok) throw new ApiError('ERR_NOT_FOUND');
    return { record, token };
  };

  app.post<{ Body: { sandboxCardId?: unknown } | null }>('/widget/api/handoffs', async (request, reply) => {
    const token = tokenOf(request);
    const view = await d.service.clientSession(token).catch((e: unknown) => Promise.reject(toApiError(e)));
    const cardId = request.body?.sandboxCardId;
    if (cardId !== undefined && (!d.sandbox || typeof cardId !== 'string' || !CARD_ID.test(cardId)))
      throw new ApiError('ERR_VALIDATION', 'sandboxCardId: a sandbox card id, in sandbox mode only');
    const id = `hf_${randomBytes(16).toString('base64url')}`;
    // Past the session's deadline too: the desktop still learns how it ended.
    const ttlMs = Math.max(1000, Date.parse(view.expiresAt) - d.clock.now().getTime()) + FOLLOW_GRACE_MS;
    await d.store.create(
      {
        id,
        sessionId: view.id,
        clientTokenHash: sha256Hex(token),
        clientToken: token,
        startedAt: d.clock.now().getTime(),
        ...(typeof cardId === 'string' ? { sandboxCardId: cardId } : {}),
      },
      ttlMs,
    );
    return reply.code(201).header('cache-control', 'no-store').send({ id });
  });

  app.get<{ Params: { id: string } }>('/widget/api/handoffs/:id', async (request, reply) => {
    const { record, token } = await owned(request, request.params.id);
    reply.header('cache-control', 'no-store');
    const outcome = await d.store.outcome(record.sessionId);
    if (outcome) return { state: outcome.status, ...(outcome.hint ? { hint: outcome.hint } : {}) };
    if (await d.store.isClaimed(record.id)) return { state: 'connected' };
    try {
      await d.service.clientSession(token); // expires the session lazily when due
    } catch (e) {
      if (isGatewayError(e) && e.code === 'ERR_SESSION_EXPIRED') return { state: 'expired' };
      throw toApiError(e);
    }
    const t = elapsed(record.startedAt);
    return { state: 'waiting', qr: { url: mobileUrl(record.id, t), elapsed: t } };
  });

  app.post<{ Params: { id: string }; Body: { t?: unknown; c?: unknown } | null }>(
    '/widget/api/handoffs/:id/claim',
    async (request, reply) => {
      const { id } = request.params;
      const record = HANDOFF_ID.test(id) ? await d.store.get(id) : undefined;
      if (!record) throw new ApiError('ERR_NOT_FOUND', 'no such QR code (it may have expired)');
      const check = checkQrCode(d.secret, id, request.body?.t, request.body?.c, elapsed(record.startedAt));
      if (!check.ok) {
        if (check.reason === 'stale')
          throw new ApiError('ERR_SESSION_EXPIRED', 'this QR code is too old: scan the current one');
        throw new ApiError('ERR_UNAUTHORIZED', 'not a QR code of this gateway');
      }
      if (!(await d.store.claim(id, 60 * 60_000)))
        throw new ApiError('ERR_CONFLICT', 'this QR code was already used by another device');
      return reply.header('cache-control', 'no-store').send({
        clientToken: record.clientToken,
        ...(record.sandboxCardId ? { sandboxCardId: record.sandboxCardId } : {}),
      });
    },
  );
}
