/**
 * The gateway's client API (contract §5) and the widget's own handoff endpoints, with the
 * session's client token as bearer. Every refusal becomes an ApiProblem carrying the
 * problem+json code and detail, which i18n/explain.ts turns into words.
 */
import type { ClientSessionView, DataToSign, SessionHint, SignatureSubmission } from '../sessions/types.js';

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | undefined,
  ) {
    super(`${status} ${code}${detail ? `: ${detail}` : ''}`);
  }
}

/** The network itself failed (no answer). */
export class NetworkProblem extends Error {}

export interface Handoff {
  readonly id: string;
}

export type FollowState = 'waiting' | 'connected' | 'completed' | 'failed' | 'expired' | 'cancelled';

export interface FollowAnswer {
  readonly state: FollowState;
  readonly hint?: SessionHint;
  /** While waiting: what the QR code encodes right now. */
  readonly qr?: { readonly url: string; readonly elapsed: number };
}

export interface ClaimAnswer {
  readonly clientToken: string;
  readonly sandboxCardId?: string;
}

export interface SandboxCardJson {
  readonly id: string;
  readonly [k: string]: unknown;
}

async function call<T>(method: string, path: string, token: string | undefined, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    });
  } catch {
    throw new NetworkProblem('network');
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const code = typeof json.code === 'string' ? json.code : 'ERR_INTERNAL';
    throw new ApiProblem(res.status, code, typeof json.detail === 'string' ? json.detail : undefined);
  }
  return json as T;
}

export function createApi(token: string) {
  return {
    token,
    session: () => call<ClientSessionView>('GET', '/v1/client/session', token),
    dataToSign: (certificate: string) =>
      call<DataToSign>('POST', '/v1/client/session/data-to-sign', token, { certificate }),
    submit: (body: SignatureSubmission) =>
      call<{ status: 'completed' | 'failed'; hint?: SessionHint }>('POST', '/v1/client/session/signature', token, body),
    startHandoff: (sandboxCardId?: string) =>
      call<Handoff>('POST', '/widget/api/handoffs', token, sandboxCardId ? { sandboxCardId } : {}),
    follow: (id: string) => call<FollowAnswer>('GET', `/widget/api/handoffs/${encodeURIComponent(id)}`, token),
  };
}
export type Api = ReturnType<typeof createApi>;

export const claimHandoff = (id: string, t: string, c: string) =>
  call<ClaimAnswer>('POST', `/widget/api/handoffs/${encodeURIComponent(id)}/claim`, undefined, { t, c });

/** POST /sandbox/cards (contract §5, sandbox mode only): a card with the default identity. */
export const issueSandboxCard = () => call<SandboxCardJson>('POST', '/sandbox/cards', undefined, {});

export const fetchSandboxCard = (id: string) =>
  call<SandboxCardJson>('GET', `/widget/api/sandbox/cards/${encodeURIComponent(id)}`, undefined);
