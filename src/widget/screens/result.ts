/**
 * The end: done, failed (the catalogue's words: what happened and what to do, plus the code
 * for support), or cancelled. Full-page mode offers the way back to the RP's return URL with
 * the session id and outcome (the RP's backend must still read the result from the API).
 */
import { h } from '../dom.js';
import { explain } from '../i18n/explain.js';
import type { Widget } from '../widget-context.js';

function returnLink(w: Widget): HTMLElement | null {
  if (w.mode !== 'page' || !w.returnUrl || !w.ended) return null;
  const url = new URL(w.returnUrl);
  url.searchParams.set('jpki_session', w.session.id);
  url.searchParams.set('jpki_status', w.ended.kind);
  return h('a', { class: 'jw-primary jw-link-button', id: 'jw-return', href: url.href }, w.ui.returnToSite);
}

export function resultScreen(w: Widget): HTMLElement {
  const { ui, session } = w;
  const ending = w.ended ?? { kind: 'cancelled' as const };
  if (ending.kind === 'completed') {
    return h(
      'section',
      { class: 'jw-screen jw-result jw-ok', 'data-screen': 'result', 'data-outcome': 'completed' },
      h('h1', {}, ui.doneTitle),
      h('p', {}, session.type === 'identity' ? ui.doneIdentity(session.rp.name) : ui.doneSigning),
      w.mode === 'phone' ? h('p', { class: 'jw-strong' }, ui.phoneDone) : null,
      returnLink(w),
    );
  }
  const msg =
    ending.kind === 'cancelled'
      ? explain(w.lang, { kind: 'widget', problem: 'cancelled_by_user' })
      : explain(w.lang, ending.problem);
  return h(
    'section',
    {
      class: 'jw-screen jw-result jw-failed',
      'data-screen': 'result',
      'data-outcome': ending.kind,
      ...(ending.kind === 'failed' && ending.code ? { 'data-code': ending.code } : {}),
    },
    h('h1', {}, msg.title),
    h('p', { role: 'alert' }, msg.action),
    ending.kind === 'failed' && ending.code ? h('p', { class: 'jw-code' }, ui.errorCode(ending.code)) : null,
    w.mode === 'phone' ? h('p', { class: 'jw-strong' }, ui.phoneDone) : null,
    returnLink(w),
  );
}
