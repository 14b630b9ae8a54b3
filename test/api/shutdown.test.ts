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
    // A plain route (not a spec operation, which the real modules own) that waits on a gate.
    const slow: ApiRoutes = (router) => {
      router.app.get('/test/slow', async () => {
        entered();
        await gate;
        return { id: 'slow-1' };
      });
    };
    const lines: string[] = [];
    const server = await startServer(
      { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      { routes: [slow], print: (l) => lines.push(l) },
    );
    const inflight = fetch(`${server.url}/test/slow`);
    await inHandler;
    let stopped = false;
    const stopping = server.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false); // still draining
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow(); // no new connections
    release();
    const res = await inflight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe('slow-1');
    await stopping;
    expect(stopped).toBe(true);
    expect(lines[0]).toMatch(/sandbox mode listening on http:\/\/localhost:\d+/);
  });
});
