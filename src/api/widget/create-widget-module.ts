/**
 * The widget's HTTP side (issue 7 items 1, 2, 4): the built browser files, the widget pages
 * (iframe /widget/frame, full page POST /widget/, phone /widget/m/:id), the cross-device
 * handoff with its animated QR, and in sandbox mode the card material for the phone. Wiring
 * (src/server.ts):
 *
 *   let widget: WidgetModule | undefined;
 *   const sessions = createSessionModule({ …, onStatusChange: (c) => widget?.onSessionStatusChange(c) });
 *   widget = createWidgetModule({ mode, clock, publicUrl: () => url, service: sessions.service,
 *                                 tenants, sandbox });
 *   buildApp({ …, routes: [sessions.routes, widget.routes] });
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../clock.js';
import { sandboxCardJson } from '../../sandbox/mode-cards.js';
import type { SandboxMode } from '../../sandbox/mode.js';
import type { SessionService, SessionStatusChange } from '../../sessions/index.js';
import type { TenantRegistry } from '../../tenants/tenant-registry.js';
import type { ApiRoutes } from '../api-router.js';
import { ApiError } from '../http-errors.js';
import { createMemoryHandoffStore, type HandoffStore } from './handoff-store.js';
import { handoffRoutes } from './handoff-routes.js';
import { followSessions } from './session-follow.js';
import { createAssets, defaultAssetsDir } from './widget-assets.js';
import { fullPageRoutes } from './full-page-routes.js';
import { APP_LINK_FALLBACK, securityHeaders, widgetPage } from './widget-pages.js';

export interface WidgetModuleOptions {
  readonly mode: 'sandbox' | 'production';
  readonly clock: Clock;
  readonly publicUrl: string | (() => string);
  readonly service: SessionService;
  /** Origins allowed to frame the widget: every tenant's registered origins. */
  readonly tenants?: Pick<TenantRegistry, 'all'>;
  /** The sandbox (cards for the phone page); sandbox mode only. */
  readonly sandbox?: Pick<SandboxMode, 'cards' | 'crls'>;
  /** Built browser files; default dist/widget of this package. */
  readonly assetsDir?: string;
  /** HMAC key of the animated QR; replicas must share one (default: random per process). */
  readonly qrSecret?: Uint8Array;
  readonly store?: HandoffStore;
  /** Errors of the status listener (it must not throw into the session module). */
  readonly onError?: (err: unknown) => void;
}

export interface WidgetModule {
  readonly routes: ApiRoutes;
  /** Pass to createSessionModule's onStatusChange (fan out if webhooks use it too). */
  onSessionStatusChange(change: SessionStatusChange): void;
  readonly store: HandoffStore;
}

const CARD_ID = /^card_[A-Za-z0-9]{1,64}$/;

export function createWidgetModule(o: WidgetModuleOptions): WidgetModule {
  if (o.mode !== 'sandbox' && o.sandbox) throw new TypeError('the sandbox is for sandbox mode only');
  const secret = o.qrSecret ?? randomBytes(32);
  if (secret.length < 32) throw new TypeError('qrSecret must be at least 32 bytes');
  const store = o.store ?? createMemoryHandoffStore(o.clock);
  const publicUrl = typeof o.publicUrl === 'function' ? o.publicUrl : () => o.publicUrl as string;
  const assets = createAssets(o.assetsDir ?? defaultAssetsDir());
  const sandboxMode = o.mode === 'sandbox';
  const follow = followSessions(store, () => o.service);
  const ancestors = (): string[] => ["'self'", ...new Set((o.tenants?.all ?? []).flatMap((t) => [...t.origins]))];

  const register = (app: FastifyInstance): void => {
    for (const file of ['app.js', 'embed.js', 'widget.css'])
      app.get(`/widget/${file}`, async (request, reply) => assets.send(request, reply, file));

    app.get('/widget/frame', async (_request, reply) =>
      securityHeaders(reply, ancestors())
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(widgetPage({ mode: 'frame', sandbox: sandboxMode })),
    );
    app.get<{ Params: { id: string } }>('/widget/m/:id', async (_request, reply) =>
      securityHeaders(reply, [])
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(widgetPage({ mode: 'phone', sandbox: sandboxMode })),
    );
    app.get('/app/card/v1', async (_request, reply) =>
      securityHeaders(reply, []).type('text/html; charset=utf-8').send(APP_LINK_FALLBACK),
    );
    fullPageRoutes(app, { service: o.service, sandbox: sandboxMode });
    handoffRoutes(app, { service: o.service, store, clock: o.clock, secret, publicUrl, sandbox: sandboxMode });

    const sandbox = o.sandbox;
    if (sandbox) {
      // The desktop's sandbox card, for the phone of the same visitor (sandbox material is test data).
      app.get<{ Params: { id: string } }>('/widget/api/sandbox/cards/:id', async (request, reply) => {
        const { id } = request.params;
        const card = CARD_ID.test(id) ? sandbox.cards.get(id) : undefined;
        if (!card) throw new ApiError('ERR_NOT_FOUND', 'no such sandbox card (issue one again)');
        const crl = sandbox.crls.partitionName('signing', card.prefecture, card.municipality);
        return reply.header('cache-control', 'no-store').send({
          ...sandboxCardJson(id, card, `${publicUrl()}/sandbox/crl/${crl}`),
          label: card.identity.name,
        });
      });
    }
  };

  return {
    store,
    routes: (router) => {
      router.app.register(async (child) => register(child));
    },
    onSessionStatusChange(change) {
      follow(change).catch((err: unknown) => o.onError?.(err));
    },
  };
}
