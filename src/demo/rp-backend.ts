/**
 * The demo companies' backend: calls the gateway's public API exactly as a relying party's
 * server would — with the demo tenant's API key, held here, server-side, never sent to a
 * browser — through fastify's inject (same process, same routes, same auth and checks).
 */
import type { FastifyInstance } from 'fastify';

export interface ApiAnswer {
  readonly status: number;
  readonly json: Record<string, unknown>;
}

export function rpBackend(app: FastifyInstance, apiKey: () => string) {
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown, auth = true): Promise<ApiAnswer> => {
    const res = await app.inject({
      method,
      url,
      headers: {
        ...(auth ? { authorization: `Bearer ${apiKey()}` } : {}),
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });
    let json: Record<string, unknown> = {};
    try {
      json = res.json() as Record<string, unknown>;
    } catch {
      json = {};
    }
    return { status: res.statusCode, json };
  };
  return {
    createSession: (body: Record<string, unknown>) => call('POST', '/v1/sessions', body),
    getSession: (id: string) => call('GET', `/v1/sessions/${encodeURIComponent(id)}`),
    cancelSession: (id: string) => call('POST', `/v1/sessions/${encodeURIComponent(id)}/cancel`, {}),
    readMyNumber: (id: string) => call('GET', `/v1/sessions/${encodeURIComponent(id)}/my-number`),
    issueCard: (body: Record<string, unknown>) => call('POST', '/sandbox/cards', body, false),
    revokeCard: (id: string, reason: string) =>
      call('POST', `/sandbox/cards/${encodeURIComponent(id)}/revoke`, { reason }, false),
  };
}
export type RpBackend = ReturnType<typeof rpBackend>;
