/**
 * Graceful shutdown through startServer's stop(): an in-flight request completes, new
 * connections are refused meanwhile, and stop() resolves once it has drained.
 */
import { describe, expect, it } from 'vitest';
import type { ApiRoutes } from '../../src/api/api-router.js';
import { startServer } from '../../src/server.js';

describe('graceful shutdown', () => {
  it('drains in-flight requests, then stops', async () => {
    let entered!: () => void;
    const inHandler = new Promise<void>((r) => (entered = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: ApiRoutes = (router) =>
      router.route('getEvidence', async () => {
        entered();
        await gate;
        return { id: 'evd_1', sessionId: 'ses_1', type: 'identity', createdAt: '2026-03-01T00:00:00.000Z', record: {} };
      });
    const lines: string[] = [];
    const server = await startServer(
      { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      { routes: [slow], print: (l) => lines.push(l) },
    );
    const key = server.demoApiKey!;
    const inflight = fetch(`${server.url}/v1/evidence/evd_1`, { headers: { authorization: `Bearer ${key}` } });
    await inHandler;
    let stopped = false;
    const stopping = server.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false); // still draining
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow(); // no new connections
    release();
    const res = await inflight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe('evd_1');
    await stopping;
    expect(stopped).toBe(true);
    expect(lines[0]).toMatch(/sandbox mode listening on http:\/\/localhost:\d+/);
  });
});
