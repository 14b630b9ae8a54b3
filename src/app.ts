/**
 * buildApp(deps): the fastify application. For now only health endpoints and a landing
 * page; the REST API of contract §5 is registered here when it lands.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config/load-config.js';

export interface AppDeps {
  readonly config: Config;
}

export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    bodyLimit: 1024 * 1024,
    requestTimeout: 30_000,
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async () => ({ status: 'ready', mode: deps.config.mode }));
  app.get('/', async (_req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>jpki-gateway</title>` +
          `<h1>jpki-gateway (${deps.config.mode} mode)</h1>` +
          `<p>Verification core is available through the CLI and library. The REST API and demo pages are not built yet.</p></html>`,
      ),
  );
  return app;
}
