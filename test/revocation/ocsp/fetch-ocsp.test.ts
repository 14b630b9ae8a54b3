/** fetchOcsp against small hand-written loopback servers: timeout, size cap, no redirects, content type. */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchOcsp } from '../../../src/revocation/ocsp/index.js';
import { rejectsCode } from './fixtures.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function serve(handler: RequestListener): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/ocsp`;
}

const OCSP = { 'content-type': 'application/ocsp-response' };
const REQ = Uint8Array.of(0x30, 0x00);

describe('fetchOcsp', () => {
  it('POSTs application/ocsp-request and returns the body (content-type parameters allowed)', async () => {
    let seen: { method?: string; type?: string; body?: Buffer } = {};
    const url = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen = { method: req.method, type: req.headers['content-type'], body: Buffer.concat(chunks) };
        res.writeHead(200, { 'content-type': 'Application/OCSP-Response; charset=binary' });
        res.end(Buffer.from([1, 2, 3]));
      });
    });
    expect(await fetchOcsp(url, REQ)).toEqual(Uint8Array.of(1, 2, 3));
    expect(seen).toEqual({ method: 'POST', type: 'application/ocsp-request', body: Buffer.from(REQ) });
  });

  it('a body of exactly maxBytes passes; one byte more → ERR_OCSP_UNAVAILABLE (streamed, no length)', async () => {
    const url = await serve((req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('n'));
      res.writeHead(200, OCSP);
      res.write(new Uint8Array(n - 1));
      res.end(new Uint8Array(1));
    });
    expect((await fetchOcsp(`${url}?n=100`, REQ, { maxBytes: 100 })).length).toBe(100);
    await rejectsCode(fetchOcsp(`${url}?n=101`, REQ, { maxBytes: 100 }), 'ERR_OCSP_UNAVAILABLE');
  });

  it('a declared content-length over the cap is refused before reading → ERR_OCSP_UNAVAILABLE', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { ...OCSP, 'content-length': '1000000' });
      res.write(new Uint8Array(10)); // then stalls: only the header can have decided
    });
    const e = await rejectsCode(fetchOcsp(url, REQ, { maxBytes: 1000, timeoutMs: 10_000 }), 'ERR_OCSP_UNAVAILABLE');
    expect(e.detail).toContain('declares');
  });

  it('headers then a stalled body → the timeout still fires → ERR_OCSP_UNAVAILABLE', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, OCSP);
      res.write(new Uint8Array(10));
    });
    const e = await rejectsCode(fetchOcsp(url, REQ, { timeoutMs: 200 }), 'ERR_OCSP_UNAVAILABLE');
    expect(e.detail).toContain('timed out');
  });

  it('redirects are not followed → ERR_OCSP_UNAVAILABLE', async () => {
    let hits = 0;
    const url = await serve((req, res) => {
      hits++;
      res.writeHead(307, { location: `${req.url}x` });
      res.end();
    });
    const e = await rejectsCode(fetchOcsp(url, REQ), 'ERR_OCSP_UNAVAILABLE');
    expect(e.detail).toContain('redirect');
    expect(hits).toBe(1);
  });

  it('404, 503 → ERR_OCSP_UNAVAILABLE', async () => {
    for (const status of [404, 503]) {
      const url = await serve((_req, res) => {
        res.writeHead(status);
        res.end();
      });
      await rejectsCode(fetchOcsp(url, REQ), 'ERR_OCSP_UNAVAILABLE');
      server!.closeAllConnections();
      await new Promise((r) => server!.close(r));
      server = undefined;
    }
  });

  it('a 200 that is not application/ocsp-response → ERR_OCSP_MALFORMED', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>captive portal</html>');
    });
    await rejectsCode(fetchOcsp(url, REQ), 'ERR_OCSP_MALFORMED');
  });

  it('not a URL, or not http(s) → ERR_OCSP_UNAVAILABLE without any connection', async () => {
    await rejectsCode(fetchOcsp('not a url', REQ), 'ERR_OCSP_UNAVAILABLE');
    await rejectsCode(fetchOcsp('ldap://ocsp.example/', REQ), 'ERR_OCSP_UNAVAILABLE');
    await rejectsCode(fetchOcsp('file:///etc/passwd', REQ), 'ERR_OCSP_UNAVAILABLE');
  });
});
