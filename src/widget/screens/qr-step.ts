/**
 * Cross-device (b): the gateway opens a handoff for this session and, once a second, hands
 * the widget what the QR code must encode right now — the mobile page's URL with the elapsed
 * second and its HMAC under a secret that never leaves the server — so a photographed or
 * relayed code is stale within seconds. The same poll follows the session: the phone
 * connected, then its outcome, and this widget ends when the phone does.
 */
import type { FollowAnswer } from '../api.js';
import { loadCard } from '../card/sandbox-card-store.js';
import { h } from '../dom.js';
import { explain } from '../i18n/explain.js';
import { problemOf } from '../problem-of.js';
import { drawQr } from '../qr-canvas.js';
import type { Widget } from '../widget-context.js';
import { methodScreen } from './method.js';

const POLL_MS = 1000;

export function qrScreen(w: Widget): HTMLElement {
  const { ui } = w;
  const canvas = h('canvas', { class: 'jw-qr', role: 'img', 'aria-label': ui.qrAlt, width: 240, height: 240 });
  const status = h('p', { class: 'jw-status', id: 'jw-qr-status' }, ui.qrWaiting);
  const link = h('a', { id: 'jw-qr-link', class: 'jw-qr-link', translate: 'no' });
  const qrBox = h(
    'div',
    { class: 'jw-qr-box' },
    canvas,
    h('p', { class: 'jw-note' }, ui.qrRotates),
    h('details', {}, h('summary', {}, ui.qrFallback), link),
  );
  const error = h('div', { class: 'jw-error', role: 'alert' });
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastState = '';
  w.onLeave(() => {
    stopped = true;
    clearTimeout(timer);
  });

  const apply = (a: FollowAnswer): void => {
    if (a.qr) {
      drawQr(canvas as HTMLCanvasElement, a.qr.url);
      link.textContent = a.qr.url;
      link.setAttribute('href', a.qr.url);
    }
    if (a.state !== lastState) {
      lastState = a.state;
      if (a.state === 'connected') {
        qrBox.hidden = true;
        status.textContent = ui.qrConnected;
        w.announce(ui.qrConnected);
      }
    }
    if (a.state === 'completed') w.end({ kind: 'completed' });
    else if (a.state === 'failed') {
      const hint = a.hint ?? 'signature_invalid';
      w.end({ kind: 'failed', problem: { kind: 'hint', hint }, code: hint });
    } else if (a.state === 'expired')
      w.end({ kind: 'failed', problem: { kind: 'hint', hint: 'expired' }, code: 'expired' });
    else if (a.state === 'cancelled')
      w.end({ kind: 'failed', problem: { kind: 'hint', hint: 'cancelled_by_rp' }, code: 'cancelled_by_rp' });
  };

  void (async () => {
    let id: string;
    try {
      const card = w.sandbox ? loadCard() : undefined;
      id = (await w.api.startHandoff(card?.id)).id;
    } catch (e) {
      showError(e);
      return;
    }
    const tick = async (): Promise<void> => {
      if (stopped || w.ended) return;
      try {
        apply(await w.api.follow(id));
        error.textContent = '';
      } catch (e) {
        showError(e);
      }
      if (!stopped && !w.ended) timer = setTimeout(() => void tick(), POLL_MS);
    };
    await tick();
  })();

  function showError(e: unknown): void {
    const known = problemOf(e);
    if (
      known.problem.kind === 'http' &&
      (known.problem.code === 'ERR_SESSION_EXPIRED' || known.problem.code === 'ERR_UNAUTHORIZED')
    ) {
      w.end({ kind: 'failed', problem: known.problem, ...(known.code ? { code: known.code } : {}) });
      return;
    }
    // Transient (network): say so and keep polling.
    const msg = explain(w.lang, known.problem);
    error.textContent = `${msg.title} ${msg.action}`;
  }

  return h(
    'section',
    { class: 'jw-screen', 'data-screen': 'qr' },
    h('h1', {}, ui.qrTitle),
    h(
      'ol',
      { class: 'jw-list' },
      ui.qrSteps.map((s) => h('li', {}, s)),
    ),
    qrBox,
    h('div', { 'aria-live': 'polite' }, status),
    error,
    h(
      'div',
      { class: 'jw-actions' },
      h('button', { type: 'button', class: 'jw-secondary', onclick: () => w.go(methodScreen) }, ui.back),
    ),
  );
}
