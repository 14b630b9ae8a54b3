/**
 * createHttpSource: a partition's CRL from an HTTP mirror at a configured URL template
 * (JPKI names no CRL URL: jpki-reference §1). Conditional GET with the validators of the CRL in
 * use (If-None-Match / If-Modified-Since, RFC 9110 §13), so an unchanged national CRL costs a
 * 304. The body goes to a temporary file that ingestCrl streams, so memory stays flat at any
 * CRL size. A CRL is signed data: plain http is acceptable, its signature is what is trusted.
 */
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayError } from '../../errors.js';
import { compileCrlTemplate } from '../partitions/compile-crl-template.js';
import type { CrlPartition } from '../partitions/partition-of-name.js';
import { downloadToFile } from './download-to-file.js';
import { DEFAULT_MAX_CRL_SOURCE_BYTES, type CrlFetch, type CrlSource } from './types.js';

export interface HttpSourceOptions {
  /** e.g. `https://mirror.example/{purpose}/{prefecture}/{municipality}.crl` */
  readonly urlTemplate: string;
  /** Whole request incl. body; default 120 s (a national CRL is ~200 MB). */
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /** Where downloads are staged; default `<os tmpdir>/jpki-gateway-crl`. */
  readonly tmpDir?: string;
  /** For tests; default the global fetch. */
  readonly fetch?: typeof globalThis.fetch;
}

export const DEFAULT_CRL_FETCH_TIMEOUT_MS = 120_000;

export function createHttpSource(opts: HttpSourceOptions): CrlSource {
  const template = compileCrlTemplate(opts.urlTemplate, 'url');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_CRL_FETCH_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new TypeError('createHttpSource: timeoutMs must be positive');
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_CRL_SOURCE_BYTES;
  const tmpDir = opts.tmpDir ?? join(tmpdir(), 'jpki-gateway-crl');
  const locate = (p: CrlPartition): string => template.expand(p);

  const source: CrlSource = {
    kind: 'http',
    locate,
    async fetch(partition, validators, signal): Promise<CrlFetch> {
      const location = locate(partition);
      const headers: Record<string, string> = {
        accept: 'application/pkix-crl, application/octet-stream',
        'accept-encoding': 'identity',
      };
      if (validators?.etag) headers['if-none-match'] = validators.etag;
      if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
      const d = await downloadToFile({
        url: location,
        headers,
        timeoutMs,
        maxBytes,
        tmpDir,
        signal,
        fetch: opts.fetch,
      });
      if (d.status === 304) return { status: 'not-modified', location };
      if (d.status === 404 || d.status === 410) return { status: 'absent', location };
      if (d.file === undefined) throw new GatewayError('ERR_CRL_FETCH_FAILED', `${location}: HTTP ${d.status}`);
      const file = d.file;
      return {
        status: 'fetched',
        location,
        input: file,
        bytes: d.bytes,
        validators: {
          etag: d.headers.get('etag') ?? undefined,
          lastModified: d.headers.get('last-modified') ?? undefined,
        },
        release: () => unlink(file).catch(() => {}),
      };
    },
  };
  return Object.freeze(source);
}
