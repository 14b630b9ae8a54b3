/**
 * The sandbox demo (issue 7 item 5), served under /demo/ (and at / when the server wires it
 * so): "Example Securities — open an account" (identity session with the My Number) and
 * "Example Bank — sign your loan contract" (signing session over the sample PDF). The
 * /demo/api routes are the two companies' backend: they hold the demo tenant's API key and
 * call the public API with it; the browser only ever gets a session's client token.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiRoutes } from '../api/api-router.js';
import { ApiError } from '../api/http-errors.js';
import { defaultAssetsDir } from '../api/widget/widget-assets.js';
import { DEMO_CSS, demoIndex, demoPage } from './demo-pages.js';
import { DEFAULT_IDENTITY } from '../sandbox/jpki-identity.js';
import { demoResultHtml } from './demo-result.js';
import type { DemoLang, DemoName } from './demo-text.js';
import { rpBackend, type ApiAnswer } from './rp-backend.js';

export interface DemoOptions {
  /** The demo tenant's API key (sandbox mode prints it at start). */
  readonly apiKey: string | (() => string);
  readonly publicUrl: string | (() => string);
  readonly assetsDir?: string;
  /** Also answer GET / with the demo index (sandbox mode). */
  readonly atRoot?: boolean;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const SESSION_ID = /^[A-Za-z0-9_-]{1,100}$/;
const CARD_ID = /^card_[A-Za-z0-9]{1,64}$/;

const PURPOSE: Record<DemoName, Record<DemoLang, string>> = {
  securities: {
    ja: '証券口座の開設（犯収法に基づく本人確認とマイナンバーの提供）',
    en: 'Opening a brokerage account (AML identity verification and My Number)',
  },
  bank: { ja: '住宅ローン契約書への電子署名', en: 'Electronic signature of your loan contract' },
};

const langOf = (request: FastifyRequest): DemoLang =>
  (request.query as Record<string, unknown> | undefined)?.lang === 'en' ? 'en' : 'ja';

function passThrough(a: ApiAnswer): never {
  const code = typeof a.json.code === 'string' ? a.json.code : 'ERR_INTERNAL';
  throw new ApiError(code as never, typeof a.json.detail === 'string' ? a.json.detail : undefined);
}

export function demoRoutes(o: DemoOptions): ApiRoutes {
  const apiKey = typeof o.apiKey === 'function' ? o.apiKey : () => o.apiKey as string;
  const publicUrl = typeof o.publicUrl === 'function' ? o.publicUrl : () => o.publicUrl as string;
  const assetsDir = o.assetsDir ?? defaultAssetsDir();
  let pdf: Buffer | undefined;
  const samplePdf = (): Buffer => (pdf ??= readFileSync(join(assetsDir, 'sample-loan-contract.pdf')));

  return (router) => {
    const root = router.app;
    const rp = rpBackend(root, apiKey);
    root.register(async (app: FastifyInstance) => {
      const html = (request: FastifyRequest, reply: FastifyReply, body: string): FastifyReply | undefined => {
        // The demo tenant's only origin is the public URL: send visitors there (localhost vs 127.0.0.1).
        const origin = new URL(publicUrl());
        if (request.headers.host && request.headers.host !== origin.host) {
          void reply.redirect(`${origin.origin}${request.url}`, 302);
          return reply;
        }
        return reply
          .header('content-security-policy', CSP)
          .header('x-content-type-options', 'nosniff')
          .header('referrer-policy', 'no-referrer')
          .type('text/html; charset=utf-8')
          .send(body);
      };
      if (o.atRoot) app.get('/', async (request, reply) => html(request, reply, demoIndex(langOf(request))));
      app.get('/demo', async (_request, reply) => reply.redirect('/demo/', 302));
      app.get('/demo/', async (request, reply) => html(request, reply, demoIndex(langOf(request))));
      for (const demo of ['securities', 'bank'] as const)
        app.get(`/demo/${demo}`, async (request, reply) => html(request, reply, demoPage(langOf(request), demo)));
      app.get('/demo/demo.css', async (_request, reply) => reply.type('text/css; charset=utf-8').send(DEMO_CSS));
      app.get('/demo/demo.js', async (_request, reply) => {
        try {
          return reply
            .type('text/javascript; charset=utf-8')
            .header('cache-control', 'no-cache')
            .send(readFileSync(join(assetsDir, 'demo.js')));
        } catch {
          throw new ApiError('ERR_UNAVAILABLE', 'demo.js is not built: run npm run build:widget');
        }
      });

      app.post<{ Body: { identity?: unknown; myNumber?: unknown } | null }>(
        '/demo/api/cards',
        async (request, reply) => {
          const b = request.body ?? {};
          const a = await rp.issueCard({
            ...(b.identity && typeof b.identity === 'object' ? { identity: b.identity } : {}),
            ...(typeof b.myNumber === 'string' && b.myNumber ? { myNumber: b.myNumber } : {}),
          });
          if (a.status !== 201) passThrough(a);
          const identity = (b.identity ?? {}) as { name?: unknown };
          return reply.code(201).send({
            ...a.json,
            label: typeof identity.name === 'string' && identity.name ? identity.name : DEFAULT_IDENTITY.name,
          });
        },
      );
      app.post<{ Params: { id: string }; Body: { reason?: unknown } | null }>(
        '/demo/api/cards/:id/revoke',
        async (request) => {
          if (!CARD_ID.test(request.params.id)) throw new ApiError('ERR_NOT_FOUND');
          const reason = typeof request.body?.reason === 'string' ? request.body.reason : 'affiliationChanged';
          const a = await rp.revokeCard(request.params.id, reason);
          return a.status === 200 ? a.json : passThrough(a);
        },
      );

      app.post<{ Body: { demo?: unknown; ttlSeconds?: unknown } | null }>(
        '/demo/api/sessions',
        async (request, reply) => {
          const demo = request.body?.demo;
          if (demo !== 'securities' && demo !== 'bank')
            throw new ApiError('ERR_VALIDATION', 'demo: securities or bank');
          const lang = langOf(request);
          const ttl = request.body?.ttlSeconds;
          const common = {
            purpose: PURPOSE[demo][lang],
            origin: new URL(publicUrl()).origin,
            reference: `demo-${demo}`,
            ...(typeof ttl === 'number' && Number.isInteger(ttl) ? { ttlSeconds: ttl } : {}),
          };
          const a = await rp.createSession(
            demo === 'securities'
              ? { type: 'identity', include: ['basic4', 'my_number'], ...common }
              : {
                  type: 'signing',
                  document: {
                    name: 'loan-contract-sample.pdf',
                    mediaType: 'application/pdf',
                    content: samplePdf().toString('base64'),
                  },
                  ...common,
                },
          );
          if (a.status !== 201) passThrough(a);
          // Only what the browser needs: never the API key, never the RP's view.
          return reply
            .code(201)
            .header('cache-control', 'no-store')
            .send({ sessionId: a.json.id, clientToken: a.json.clientToken });
        },
      );
      app.get<{ Params: { id: string } }>('/demo/api/sessions/:id', async (request, reply) => {
        if (!SESSION_ID.test(request.params.id)) throw new ApiError('ERR_NOT_FOUND');
        const a = await rp.getSession(request.params.id);
        if (a.status !== 200) passThrough(a);
        const result = (a.json.result ?? {}) as { myNumberAvailable?: unknown };
        let myNumber: string | undefined;
        if (result.myNumberAvailable === true) {
          const m = await rp.readMyNumber(request.params.id); // once: the gateway deletes it now
          if (m.status === 200 && typeof m.json.myNumber === 'string') myNumber = m.json.myNumber;
        }
        return reply
          .header('cache-control', 'no-store')
          .type('text/html; charset=utf-8')
          .send(demoResultHtml(langOf(request), a.json, myNumber));
      });
      app.post<{ Params: { id: string } }>('/demo/api/sessions/:id/cancel', async (request) => {
        if (!SESSION_ID.test(request.params.id)) throw new ApiError('ERR_NOT_FOUND');
        const a = await rp.cancelSession(request.params.id);
        return a.status === 200 ? { status: 'cancelled' } : passThrough(a);
      });
    });
  };
}
