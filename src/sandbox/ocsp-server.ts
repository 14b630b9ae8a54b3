/**
 * A tiny node:http server around the sandbox OCSP responder, for tests on loopback and the
 * benchmark: POST application/ocsp-request on any path. It plays the transport faults
 * (slow, down, 5xx, redirect, oversized, wrong content type) itself and leaves the content
 * faults to respond().
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ReasonName } from '../revocation/crl/reasons.js';
import type { SandboxIssuer } from './jpki-leaf.js';
import type { SandboxOcspFault } from './ocsp-faults.js';
import {
  createSandboxOcspResponder,
  type SandboxOcspResponder,
  type SandboxOcspResponderOptions,
} from './ocsp-responder.js';

export interface SandboxOcspServerOptions extends SandboxOcspResponderOptions {
  /** 0 (default) = a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Use this responder instead of creating one from the other options. */
  readonly responder?: SandboxOcspResponder;
  /** Delay of the 'slow' fault. Default 10 s. */
  readonly slowMs?: number;
}

export interface SandboxOcspServer {
  /** e.g. http://127.0.0.1:41234/ocsp */
  readonly url: string;
  readonly responder: SandboxOcspResponder;
  setFault(mode: SandboxOcspFault): void;
  revoke(serial: bigint | number | string | Uint8Array, reason: ReasonName, at: Date, issuer?: SandboxIssuer): void;
  /** HTTP requests received so far (cache tests: one request for two checks). */
  requestCount(): number;
  close(): Promise<void>;
}

const MAX_REQUEST_BYTES = 64 * 1024;
const OVERSIZED_BYTES = 4 * 1024 * 1024;

export async function startSandboxOcspServer(opts: SandboxOcspServerOptions = {}): Promise<SandboxOcspServer> {
  const responder = opts.responder ?? createSandboxOcspResponder(opts);
  const slowMs = opts.slowMs ?? 10_000;
  const timers = new Set<NodeJS.Timeout>();
  let requests = 0;

  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: Uint8Array,
    extra: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { 'content-type': type, 'content-length': String(body.length), ...extra });
    res.end(body);
  };

  const answer = (req: IncomingMessage, res: ServerResponse, body: Uint8Array): void => {
    const fault = responder.fault;
    if (fault === 'http-500') return send(res, 500, 'text/plain', new TextEncoder().encode('internal error'));
    if (fault === 'redirect') {
      return send(res, 302, 'text/plain', new Uint8Array(0), { location: `http://${req.headers.host}/elsewhere` });
    }
    if (fault === 'oversized') return streamOversized(res);
    const der = responder.respond(body);
    const type = fault === 'wrong-content-type' ? 'text/html' : 'application/ocsp-response';
    if (fault !== 'slow') return send(res, 200, type, der);
    const t = setTimeout(() => {
      timers.delete(t);
      if (!res.destroyed) send(res, 200, type, der);
    }, slowMs);
    timers.add(t);
  };

  const server = createServer((req, res) => {
    requests++;
    res.on('error', () => {}); // the client may hang up mid-answer (that is the point of some faults)
    if (responder.fault === 'down') return void req.socket.destroy(); // a kept-alive connection resets too
    if (req.method !== 'POST') return send(res, 405, 'text/plain', new Uint8Array(0), { allow: 'POST' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => answer(req, res, new Uint8Array(Buffer.concat(chunks))));
    req.on('error', () => {});
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    if (responder.fault === 'down') return void s.destroy(); // reset before any byte is read
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}/ocsp`,
    responder,
    setFault: (mode) => {
      responder.setFault(mode);
      if (mode === 'down') for (const s of sockets) s.destroy();
    },
    revoke: (serial, reason, at, issuer) => responder.revoke(serial, reason, at, issuer),
    requestCount: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function streamOversized(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/ocsp-response' }); // chunked: no length to refuse early
  const chunk = new Uint8Array(16 * 1024).fill(0x30);
  let sent = 0;
  const pump = (): void => {
    while (sent < OVERSIZED_BYTES && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}
