/** The HTTP mirror source against the sandbox J-LIS publisher over real loopback HTTP. */
import { readFile, readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePartitionId } from '../../../src/revocation/partitions/partition-of-name.js';
import { createHttpSource } from '../../../src/revocation/sources/create-http-source.js';
import type { CrlSource } from '../../../src/revocation/sources/types.js';
import { startSandboxCrlServer, type SandboxCrlServer } from '../../../src/sandbox/crl-publisher-server.js';
import { CHIYODA, CHIYODA_ID, mutableClock, pki, rejectsWith, tempDir } from '../manager/fixtures.js';

const chiyoda = parsePartitionId(CHIYODA_ID);
let server: SandboxCrlServer;
let src: CrlSource;
let tmp: string;

beforeAll(async () => {
  server = await startSandboxCrlServer({ pki, clock: mutableClock(), partitions: [CHIYODA], slowMs: 5000 });
  tmp = await tempDir();
  src = createHttpSource({ urlTemplate: server.urlTemplate, timeoutMs: 1000, tmpDir: tmp });
});
afterAll(() => server.close());

describe('createHttpSource', () => {
  it('downloads to a temporary file, then gets 304 with the validators (conditional GET)', async () => {
    server.setFault('none');
    const f = await src.fetch(chiyoda, undefined);
    if (f.status !== 'fetched') throw new Error(f.status);
    expect(new Uint8Array(await readFile(f.input as string))).toEqual(await server.crl(CHIYODA_ID));
    expect(f.validators.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(f.validators.lastModified).toMatch(/GMT$/);
    await f.release();
    expect(await readdir(tmp)).toEqual([]);
    const before = server.downloads(CHIYODA_ID);
    expect(await src.fetch(chiyoda, f.validators)).toMatchObject({ status: 'not-modified' });
    expect(await src.fetch(chiyoda, { lastModified: f.validators.lastModified })).toMatchObject({
      status: 'not-modified',
    });
    expect(server.downloads(CHIYODA_ID)).toBe(before);
  });

  it('an unknown partition is absent (404), not an error', async () => {
    expect(await src.fetch(parsePartitionId('signing/hokkaido/sapporo-shi'), undefined)).toMatchObject({
      status: 'absent',
    });
  });

  it.each([
    ['500', /HTTP 500/],
    ['redirect', /redirect refused/],
    ['cut', /download cut/],
    ['slow', /timed out after 1000 ms/],
  ] as const)('fault %s → ERR_CRL_FETCH_FAILED, nothing left behind', async (fault, why) => {
    server.setFault(fault);
    try {
      const e = await rejectsWith(src.fetch(chiyoda, undefined), 'ERR_CRL_FETCH_FAILED');
      expect(e.detail).toMatch(why);
      expect(await readdir(tmp)).toEqual([]);
    } finally {
      server.setFault('none');
    }
  });

  it('caps the size (announced and streamed): ERR_CRL_TOO_LARGE', async () => {
    const small = createHttpSource({ urlTemplate: server.urlTemplate, maxBytes: 100, tmpDir: tmp });
    await rejectsWith(small.fetch(chiyoda, undefined), 'ERR_CRL_TOO_LARGE');
    // no Content-Length: counted while streaming
    const chunked: typeof fetch = async (url, init) => {
      const r = await fetch(url, init);
      return new Response(r.body, { status: r.status, headers: { etag: 'x' } });
    };
    const streamed = createHttpSource({ urlTemplate: server.urlTemplate, maxBytes: 100, tmpDir: tmp, fetch: chunked });
    await rejectsWith(streamed.fetch(chiyoda, undefined), 'ERR_CRL_TOO_LARGE');
    expect(await readdir(tmp)).toEqual([]);
  });
});
