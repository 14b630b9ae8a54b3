/** The sandbox gateway of the browser suites, driven through app.inject, plus session helpers. */
import type { LightMyRequestResponse } from 'fastify';
import type { SandboxGateway } from '../browser/support/sandbox-gateway.js';

export interface Reply {
  readonly status: number;
  readonly json: Record<string, unknown>;
  readonly headers: Record<string, unknown>;
  readonly body: string;
}

const wrap = (r: LightMyRequestResponse): Reply => {
  let json: Record<string, unknown> = {};
  try {
    json = r.json() as Record<string, unknown>;
  } catch {
    json = {};
  }
  return { status: r.statusCode, json, headers: r.headers, body: r.body };
};

export async function inject(
  gw: SandboxGateway,
  method: 'GET' | 'POST',
  url: string,
  o: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return wrap(
    await gw.app.inject({
      method,
      url,
      headers: {
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...(o.body !== undefined && typeof o.body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...o.headers,
      },
      ...(o.body === undefined ? {} : { payload: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) }),
    }),
  );
}

/** A session of the demo tenant, as its backend would create it. */
export async function createSession(
  gw: SandboxGateway,
  type: 'identity' | 'signing' = 'identity',
): Promise<{ id: string; clientToken: string }> {
  const r = await inject(gw, 'POST', '/v1/sessions', {
    token: gw.apiKey,
    body: {
      type,
      purpose: 'widget test',
      origin: gw.url,
      ...(type === 'identity'
        ? { include: ['basic4'] }
        : {
            document: { name: 'a.txt', content: Buffer.from('contract').toString('base64'), mediaType: 'text/plain' },
          }),
    },
  });
  if (r.status !== 201) throw new Error(`session: ${r.status} ${JSON.stringify(r.json)}`);
  return { id: r.json.id as string, clientToken: r.json.clientToken as string };
}
