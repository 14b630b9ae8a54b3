/**
 * postWebhook: one delivery attempt. Every outbound call has a timeout covering connect,
 * headers and body; redirects are never followed (a 3xx is a failure: a receiver that moved
 * is reconfigured by its owner); the response is read up to a size cap and then dropped.
 * A 2xx with a body within the cap is a delivery; anything else is one coded failure.
 */
import type { ErrorCode } from '../errors.js';

export interface PostWebhookOptions {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

export type PostResult =
  | { readonly ok: true; readonly status: number }
  | { readonly ok: false; readonly code: ErrorCode; readonly detail: string };

export type PostWebhook = (
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  options: PostWebhookOptions,
) => Promise<PostResult>;

const fail = (code: ErrorCode, detail: string): PostResult => ({ ok: false, code, detail });

async function drainCapped(res: Response, cap: number): Promise<boolean> {
  if (!res.body) return true;
  const reader = res.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      total += value.byteLength;
      if (total > cap) return false;
    }
  } finally {
    reader.releaseLock();
  }
}

export const postWebhook: PostWebhook = async (url, body, headers, options) => {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      redirect: 'manual',
      signal: controller.signal,
    });
    if (res.status >= 300 && res.status < 400) return fail('ERR_WEBHOOK_REDIRECT', `HTTP ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > options.maxResponseBytes)
      return fail('ERR_WEBHOOK_RESPONSE_TOO_LARGE', `declares ${declared} bytes, cap ${options.maxResponseBytes}`);
    if (!(await drainCapped(res, options.maxResponseBytes)))
      return fail('ERR_WEBHOOK_RESPONSE_TOO_LARGE', `more than ${options.maxResponseBytes} bytes`);
    if (res.status < 200 || res.status >= 300) return fail('ERR_WEBHOOK_STATUS', `HTTP ${res.status}`);
    return { ok: true, status: res.status };
  } catch (e) {
    if (timedOut) return fail('ERR_WEBHOOK_TIMEOUT', `no complete answer within ${options.timeoutMs} ms`);
    const err = e as { message?: string; cause?: { code?: string; message?: string } };
    return fail('ERR_WEBHOOK_UNREACHABLE', err.cause?.code ?? err.cause?.message ?? err.message ?? String(e));
  } finally {
    clearTimeout(timer);
    controller.abort(); // releases the connection when we stopped reading early
  }
};
