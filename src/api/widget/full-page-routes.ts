/**
 * Full-page mode: the RP's page POSTs the client token (a form: it is in no URL, log or
 * Referer) with a return URL to /widget/; the gateway answers the widget page with the token
 * in a <meta>. Checked here before the page is served: the token's session is pending, the
 * posting page's Origin (when the browser sends it) is the session's origin, and the return
 * URL is on that origin — otherwise it is dropped. GET /widget/ (the session's widgetUrl
 * opened directly) explains that the journey starts at the RP's site.
 */
import type { FastifyInstance } from 'fastify';
import type { SessionService } from '../../sessions/index.js';
import { ApiError } from '../http-errors.js';
import { securityHeaders, widgetPage } from './widget-pages.js';

const FORM_LIMIT = 4096;
const CLIENT_TOKEN = /^ct_[A-Za-z0-9_-]{20,100}$/;

export function fullPageRoutes(app: FastifyInstance, d: { service: SessionService; sandbox: boolean }): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_LIMIT },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const page = (meta: Record<string, string>, lang: 'ja' | 'en') =>
    widgetPage({ mode: 'page', sandbox: d.sandbox, lang, meta });

  app.get('/widget/', async (_request, reply) =>
    securityHeaders(reply, []).type('text/html; charset=utf-8').send(page({}, 'ja')),
  );

  app.post<{ Body: Record<string, string> | null }>('/widget/', async (request, reply) => {
    const form = request.body ?? {};
    const lang = form.lang === 'en' ? 'en' : 'ja';
    const token = form.clientToken ?? '';
    if (!CLIENT_TOKEN.test(token)) throw new ApiError('ERR_VALIDATION', 'clientToken is missing or malformed');
    securityHeaders(reply, []).header('cache-control', 'no-store').type('text/html; charset=utf-8');
    let origin: string;
    try {
      origin = (await d.service.clientSession(token)).origin;
    } catch {
      return reply.send(page({ 'jpki-lang': lang }, lang)); // the page explains a dead token
    }
    const posted = request.headers.origin;
    if (posted !== undefined && posted !== 'null' && posted !== origin)
      return reply.send(page({ 'jpki-lang': lang, 'jpki-error': 'origin_mismatch' }, lang));
    let returnUrl: string | undefined;
    try {
      const u = new URL(form.returnUrl ?? '');
      if (u.origin === origin && !u.username && !u.password) returnUrl = u.href;
    } catch {
      returnUrl = undefined;
    }
    return reply.send(
      page(
        { 'jpki-client-token': token, 'jpki-lang': lang, ...(returnUrl ? { 'jpki-return-url': returnUrl } : {}) },
        lang,
      ),
    );
  });
}
