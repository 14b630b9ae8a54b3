/**
 * The widget controller: builds the persistent chrome (language switch, sandbox notice, live
 * region), owns navigation between screens, the session's expiry timer and the single ending
 * that is reported to the host. Screens live in screens/.
 */
import type { ClientSessionView } from '../sessions/types.js';
import type { Api } from './api.js';
import { h, show } from './dom.js';
import type { HostChannel } from './host-channel.js';
import type { Lang } from './i18n/catalogue-types.js';
import { UIS, langOf } from './i18n/index.js';
import { resultScreen } from './screens/result.js';
import type { Ending, Screen, Widget, WidgetMode } from './widget-context.js';

export interface WidgetOptions {
  readonly root: HTMLElement;
  readonly mode: WidgetMode;
  readonly sandbox: boolean;
  readonly lang: Lang;
  readonly api: Api;
  readonly session: ClientSessionView;
  readonly host: HostChannel;
  readonly returnUrl?: string;
  readonly sandboxCardId?: string;
}

export function createWidget(o: WidgetOptions, first: Screen): Widget {
  const main = h('main', { id: 'jw-main', class: 'jw-main' });
  const live = h('div', { id: 'jw-live', class: 'jw-sr', 'aria-live': 'polite', role: 'status' });
  const langButton = h('button', { type: 'button', class: 'jw-lang', id: 'jw-lang' });
  let current: Screen = first;
  let cleanups: (() => void)[] = [];
  const leave = (): void => {
    for (const c of cleanups) c();
    cleanups = [];
  };

  const w: Widget = {
    mode: o.mode,
    sandbox: o.sandbox,
    api: o.api,
    session: o.session,
    host: o.host,
    ...(o.returnUrl ? { returnUrl: o.returnUrl } : {}),
    ...(o.sandboxCardId ? { sandboxCardId: o.sandboxCardId } : {}),
    lang: o.lang,
    ui: UIS[o.lang],
    consent: false,
    go(screen) {
      leave();
      current = screen;
      show(main, screen(w));
    },
    render() {
      leave();
      main.replaceChildren(current(w));
    },
    announce(text) {
      live.textContent = '';
      // A fresh text node after a tick, so repeated messages are announced again.
      setTimeout(() => (live.textContent = text), 50);
    },
    end(ending) {
      if (w.ended) return;
      w.ended = ending;
      clearTimeout(expiry);
      const sessionId = o.session.id;
      if (ending.kind === 'completed') o.host.post({ type: 'completed', sessionId });
      else if (ending.kind === 'cancelled') o.host.post({ type: 'cancelled', sessionId });
      else
        o.host.post({
          type: 'failed',
          sessionId,
          ...(ending.problem.kind === 'hint' ? { hint: ending.problem.hint } : {}),
          ...(ending.code ? { code: ending.code } : {}),
        });
      w.go(resultScreen);
    },
    onLeave(cleanup) {
      cleanups.push(cleanup);
    },
    setLang: (lang) => setLang(lang),
  };

  const setLang = (lang: Lang): void => {
    w.lang = lang;
    w.ui = UIS[lang];
    document.documentElement.lang = lang;
    langButton.textContent = w.ui.switchTo;
    langButton.setAttribute('aria-label', w.ui.switchToLabel);
    langButton.setAttribute('lang', lang === 'ja' ? 'en' : 'ja');
    sandboxNote.textContent = w.ui.sandbox;
    w.render();
  };
  langButton.addEventListener('click', () => {
    setLang(w.lang === 'ja' ? 'en' : 'ja');
    langButton.focus();
  });
  const sandboxNote = h('p', { class: 'jw-sandbox' });
  o.root.replaceChildren(h('div', { class: 'jw-bar' }, o.sandbox ? sandboxNote : h('span'), langButton), main, live);

  // The session's own deadline: past it nothing can be signed, so say so instead of failing later.
  const left = Date.parse(o.session.expiresAt) - Date.now();
  const expiry = setTimeout(
    () => w.end({ kind: 'failed', problem: { kind: 'hint', hint: 'expired' } }),
    Math.max(0, Math.min(left, 2 ** 31 - 1)),
  );
  if (o.mode === 'frame') reportHeight(o.root, o.host);
  document.documentElement.lang = o.lang;
  langButton.textContent = w.ui.switchTo;
  langButton.setAttribute('aria-label', w.ui.switchToLabel);
  langButton.setAttribute('lang', o.lang === 'ja' ? 'en' : 'ja');
  sandboxNote.textContent = w.ui.sandbox;
  current = first;
  show(main, first(w));
  // bench/widget.ts reads this: the first screen is on display and operable.
  performance.mark('jpki-widget-interactive');
  return w;
}

/** Lets the host size the iframe to the content (no inner scrollbars on a phone). */
function reportHeight(root: HTMLElement, host: HostChannel): void {
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height) + 2;
    if (height !== last) host.post({ type: 'resize', height: (last = height) });
  }).observe(root);
}

export { langOf };
export type { Ending };
