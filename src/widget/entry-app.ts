/**
 * The widget app on the gateway's pages (widget-pages.ts sets <body data-mode>):
 *   frame — inside the RP's page: waits for the host's init, checks the host's origin against
 *           the session's, then talks to that origin only;
 *   page  — full page (the RP POSTed the token here): returns to the RP's return URL;
 *   phone — the cross-device page opened from the QR code: claims the handoff, then the card step.
 */
import { ApiProblem, claimHandoff, createApi } from './api.js';
import { createWidget } from './app.js';
import { h } from './dom.js';
import { awaitInit, hostChannel, noHost } from './host-channel.js';
import { explain, type Problem } from './i18n/explain.js';
import { UIS, langOf } from './i18n/index.js';
import type { Lang } from './i18n/catalogue-types.js';
import { problemOf } from './problem-of.js';
import { reviewScreen } from './screens/review.js';

const body = document.body;
const root = document.getElementById('jpki-widget') ?? body.appendChild(h('div', { id: 'jpki-widget' }));
root.classList.add('jw');
const sandbox = body.dataset.sandbox === 'true';
const meta = (name: string): string | undefined =>
  document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined;

/** A screen outside any session (nothing to sign): a problem and, for a mismatch, both origins. */
function stop(lang: Lang, problem: Problem, extra?: string): void {
  const msg = explain(lang, problem);
  document.documentElement.lang = lang;
  root.replaceChildren(
    h(
      'main',
      { class: 'jw-main' },
      h(
        'section',
        { class: 'jw-screen jw-result jw-failed', 'data-screen': 'stopped' },
        h('h1', { tabindex: -1 }, msg.title),
        h('p', { role: 'alert' }, msg.action),
        extra ? h('p', { class: 'jw-code', translate: 'no' }, extra) : null,
      ),
    ),
  );
  root.querySelector<HTMLElement>('h1')?.focus();
}

async function frame(): Promise<void> {
  const init = await awaitInit();
  const lang = langOf(init.lang);
  const api = createApi(init.clientToken);
  const session = await api.session();
  if (init.hostOrigin !== session.origin) {
    stop(
      lang,
      { kind: 'widget', problem: 'origin_mismatch' },
      UIS[lang].originMismatch(init.hostOrigin, session.origin),
    );
    return;
  }
  const ref: { widget?: ReturnType<typeof createWidget> } = {};
  const host = hostChannel(session.origin, {
    onCancel: () => ref.widget?.end({ kind: 'cancelled' }),
    onLang: (l) => ref.widget?.setLang(langOf(l)),
  });
  ref.widget = createWidget({ root, mode: 'frame', sandbox, lang, api, session, host }, reviewScreen);
  host.post({ type: 'ready', sessionId: session.id });
}

async function page(): Promise<void> {
  const token = meta('jpki-client-token');
  const lang = langOf(meta('jpki-lang') ?? navigator.language);
  if (meta('jpki-error') === 'origin_mismatch') return stop(lang, { kind: 'widget', problem: 'origin_mismatch' });
  if (!token) return stop(lang, { kind: 'http', code: 'ERR_UNAUTHORIZED' });
  const api = createApi(token);
  const session = await api.session();
  const ret = meta('jpki-return-url');
  const returnUrl = ret && new URL(ret).origin === session.origin ? ret : undefined;
  createWidget(
    { root, mode: 'page', sandbox, lang, api, session, host: noHost, ...(returnUrl ? { returnUrl } : {}) },
    reviewScreen,
  );
}

async function phone(): Promise<void> {
  const lang = langOf(new URLSearchParams(location.search).get('lang') ?? navigator.language);
  const id = location.pathname.split('/').pop() ?? '';
  const saved = sessionStorage.getItem(`jpki-gateway.handoff.${id}`);
  let claim: { clientToken: string; sandboxCardId?: string };
  if (saved) claim = JSON.parse(saved) as typeof claim;
  else {
    const q = new URLSearchParams(location.search);
    root.replaceChildren(h('p', { class: 'jw-note', role: 'status' }, UIS[lang].phoneClaiming));
    try {
      claim = await claimHandoff(id, q.get('t') ?? '', q.get('c') ?? '');
    } catch (e) {
      if (e instanceof ApiProblem && e.code === 'ERR_CONFLICT')
        return stop(lang, { kind: 'widget', problem: 'qr_claimed' });
      if (e instanceof ApiProblem && e.status === 410) return stop(lang, { kind: 'widget', problem: 'qr_expired' });
      throw e;
    }
    sessionStorage.setItem(`jpki-gateway.handoff.${id}`, JSON.stringify(claim));
    history.replaceState(null, '', location.pathname); // a reload must not claim again
  }
  const api = createApi(claim.clientToken);
  const session = await api.session();
  createWidget(
    {
      root,
      mode: 'phone',
      sandbox,
      lang,
      api,
      session,
      host: noHost,
      ...(claim.sandboxCardId ? { sandboxCardId: claim.sandboxCardId } : {}),
    },
    reviewScreen,
  );
}

const run = { frame, page, phone }[body.dataset.mode ?? 'page'] ?? page;
run().catch((e: unknown) => {
  const lang = langOf(document.documentElement.lang);
  const known = problemOf(e);
  stop(lang, known.problem, known.code);
});
