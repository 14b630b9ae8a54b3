/**
 * fetchOcsp: POSTs an OCSPRequest (RFC 6960 Appendix A.1) and returns the response bytes.
 * Every outbound call has a timeout (covering connect, headers and body), a size cap
 * (declared length checked first, then the stream counted and cut), and no redirects
 * (a 3xx is an error: a responder that moved is reconfigured, never followed).
 * Failures are coded: ERR_OCSP_UNAVAILABLE for transport, status and size problems,
 * ERR_OCSP_MALFORMED when the body is announced as something other than an OCSP response.
 */
import { GatewayError } from '../../errors.js';
import { concat } from '../../pki/der-write.js';

export const DEFAULT_OCSP_TIMEOUT_MS = 5_000;
/** Real OCSP responses are 1–4 KiB; 64 KiB leaves room for a responder certificate chain. */
export const DEFAULT_OCSP_MAX_BYTES = 64 * 1024;

const REQUEST_TYPE = 'application/ocsp-request';
const RESPONSE_TYPE = 'application/ocsp-response';

export interface FetchOcspOptions {
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

export async function fetchOcsp(
  url: string,
  requestDer: Uint8Array,
  options: FetchOcspOptions = {},
): Promise<Uint8Array> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_OCSP_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_OCSP_MAX_BYTES;
  checkUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  try {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        body: requestDer,
        headers: { 'content-type': REQUEST_TYPE, accept: RESPONSE_TYPE },
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch (e) {
      throw unavailable(url, transportError(e, controller.signal));
    }
    if (res.status !== 200) {
      const where = res.status >= 300 && res.status < 400 ? ` (redirect to ${res.headers.get('location') ?? '?'})` : '';
      throw unavailable(url, `HTTP ${res.status}${where}`);
    }
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== RESPONSE_TYPE) throw new GatewayError('ERR_OCSP_MALFORMED', `content-type "${type}" from ${url}`);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) throw unavailable(url, `declares ${declared} bytes, cap ${maxBytes}`);
    return await readCapped(res, url, maxBytes, controller);
  } finally {
    clearTimeout(timer);
    controller.abort(); // releases the connection when we stopped early; a no-op after a full read
  }
}

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GatewayError('ERR_OCSP_UNAVAILABLE', `not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new GatewayError('ERR_OCSP_UNAVAILABLE', `unsupported responder scheme ${parsed.protocol}`);
  }
}

async function readCapped(
  res: Response,
  url: string,
  maxBytes: number,
  controller: AbortController,
): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw unavailable(url, `response exceeds ${maxBytes} bytes`);
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof GatewayError) throw e;
    throw unavailable(url, transportError(e, controller.signal));
  } finally {
    reader.releaseLock();
  }
  return concat(...chunks);
}

function transportError(e: unknown, signal: AbortSignal): string {
  if (signal.aborted) return String((signal.reason as Error | undefined)?.message ?? 'aborted');
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
}

function unavailable(url: string, why: string): GatewayError {
  return new GatewayError('ERR_OCSP_UNAVAILABLE', `${url}: ${why}`);
}
