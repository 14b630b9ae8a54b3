/**
 * A real webhook receiver for tests: node:http on 127.0.0.1 (port 0). It verifies every
 * request's JPKI-Gateway-Signature with the tenant secret (as a relying party would), records
 * what it got, and answers as scripted — 200, 500, a timeout (holds the answer), a redirect,
 * an oversized body, or a dropped connection — so retries and dead letters are seen over HTTP.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature, type SignatureCheck } from '../../src/webhooks/sign-webhook.js';

export type ReceiverAnswer = 'ok' | '500' | 'timeout' | 'redirect' | 'big' | 'drop';

export interface Received {
  readonly path: string;
  readonly rawBody: string;
  readonly body: { id: string; type: string; created: string; data: Record<string, string> };
  readonly signature: string | undefined;
  readonly check: SignatureCheck;
  readonly answer: ReceiverAnswer;
}

export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  /** Answers for the next requests, in order; afterwards `fallback`. */
  script(...answers: ReceiverAnswer[]): void;
  fallback: ReceiverAnswer;
  /** Resolves once `n` requests arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(
  secret: string,
  nowSeconds: () => number = () => Date.now() / 1000,
): Promise<Receiver> {
  const received: Received[] = [];
  const queue: ReceiverAnswer[] = [];
  const held = new Set<ServerResponse>();
  const waiters: { n: number; resolve: () => void }[] = [];
  const r: Receiver = {
    url: '',
    received,
    fallback: 'ok',
    script: (...a) => void queue.push(...a),
    waitFor(n, timeoutMs = 20_000) {
      if (received.length >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`receiver got ${received.length} of ${n}`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(t), resolve()) });
      });
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const handle = (req: IncomingMessage, res: ServerResponse, rawBody: string): void => {
    const answer = queue.shift() ?? r.fallback;
    const signature = req.headers['jpki-gateway-signature'] as string | undefined;
    received.push({
      path: req.url ?? '',
      rawBody,
      body: JSON.parse(rawBody) as Received['body'],
      signature,
      check: verifyWebhookSignature(signature, rawBody, secret, nowSeconds(), 10 * 365 * 86_400),
      answer,
    });
    for (const w of waiters.filter((w) => received.length >= w.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
    switch (answer) {
      case 'ok':
        return void res.writeHead(204).end();
      case '500':
        return void res.writeHead(500, { 'content-type': 'text/plain' }).end('receiver failed');
      case 'timeout':
        held.add(res);
        return;
      case 'redirect':
        return void res.writeHead(307, { location: `${r.url}/moved` }).end();
      case 'big':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write(Buffer.alloc(256 * 1024, 0x61));
        return void res.end();
      case 'drop':
        return void req.socket.destroy();
    }
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (r as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return r;
}
