/**
 * downloadToFile: one bounded HTTP GET into a temporary file. A timeout covers the whole
 * exchange (headers and body), redirects are refused, the size is capped before (Content-Length)
 * and while (streamed byte count) reading, and a body shorter than its Content-Length is a cut
 * download. Nothing is kept on failure. Errors are ERR_CRL_FETCH_FAILED / ERR_CRL_TOO_LARGE.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { GatewayError } from '../../errors.js';

export interface DownloadOptions {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly tmpDir: string;
  readonly signal?: AbortSignal | undefined;
  readonly fetch?: typeof globalThis.fetch;
}

export type Download =
  | { readonly status: number; readonly headers: Headers; readonly file?: undefined; readonly bytes?: undefined }
  | { readonly status: 200; readonly headers: Headers; readonly file: string; readonly bytes: number };

const failed = (why: string, cause?: unknown): GatewayError =>
  new GatewayError('ERR_CRL_FETCH_FAILED', why, cause === undefined ? undefined : { cause });

export async function downloadToFile(o: DownloadOptions): Promise<Download> {
  const timeout = AbortSignal.timeout(o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([timeout, o.signal]) : timeout;
  const why = (e: unknown): string =>
    timeout.aborted ? `timed out after ${o.timeoutMs} ms` : o.signal?.aborted ? 'cancelled' : String(e);
  let res: Response;
  try {
    res = await (o.fetch ?? globalThis.fetch)(o.url, { headers: o.headers, redirect: 'manual', signal });
  } catch (e) {
    throw failed(`${o.url}: ${why(e)}`, e);
  }
  if (res.status !== 200) {
    await res.body?.cancel().catch(() => {});
    if (res.status >= 300 && res.status < 400 && res.status !== 304) throw failed(`${o.url}: redirect refused`);
    return { status: res.status, headers: res.headers };
  }
  const announced = res.headers.get('content-length');
  const expected = announced === null ? undefined : Number(announced);
  if (expected !== undefined && expected > o.maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw new GatewayError('ERR_CRL_TOO_LARGE', `${expected} bytes > ${o.maxBytes}`);
  }
  await mkdir(o.tmpDir, { recursive: true });
  const file = join(o.tmpDir, `crl-${randomBytes(8).toString('hex')}.download`);
  const fh = await open(file, 'wx', 0o600);
  let bytes = 0;
  try {
    try {
      for await (const chunk of res.body ?? []) {
        bytes += chunk.byteLength;
        if (bytes > o.maxBytes) throw new GatewayError('ERR_CRL_TOO_LARGE', `more than ${o.maxBytes} bytes`);
        await fh.write(chunk);
      }
    } catch (e) {
      if (e instanceof GatewayError) throw e;
      throw failed(`${o.url}: download cut after ${bytes} bytes: ${why(e)}`, e);
    } finally {
      await fh.close();
    }
    if (expected !== undefined && bytes !== expected) {
      throw failed(`${o.url}: download cut: ${bytes} of ${expected} bytes`);
    }
  } catch (e) {
    await res.body?.cancel().catch(() => {});
    await unlink(file).catch(() => {});
    throw e;
  }
  return { status: 200, headers: res.headers, file, bytes };
}
