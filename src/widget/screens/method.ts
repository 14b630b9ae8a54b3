/**
 * How the card is reached: (a) this device — the sandbox virtual card in the browser; (b) a
 * smartphone through the animated QR code; (c) a PC card reader through the reader bridge.
 * A list of buttons (not radios): one press, one keyboard stop each, each with its note.
 */
import { h } from '../dom.js';
import type { Screen, Widget } from '../widget-context.js';
import { bridgeScreen } from './bridge.js';
import { cardScreen } from './card-step.js';
import { qrScreen } from './qr-step.js';
import { reviewScreen } from './review.js';

function option(id: string, label: string, note: string, next: Screen, w: Widget): HTMLElement {
  const noteId = `${id}-note`;
  return h(
    'li',
    {},
    h(
      'button',
      { type: 'button', class: 'jw-option', id, 'aria-describedby': noteId, onclick: () => w.go(next) },
      h('span', { class: 'jw-option-label' }, label),
      h('span', { class: 'jw-option-note', id: noteId }, note),
    ),
  );
}

export function methodScreen(w: Widget): HTMLElement {
  const { ui } = w;
  return h(
    'section',
    { class: 'jw-screen', 'data-screen': 'method' },
    h('h1', {}, ui.methodTitle),
    h(
      'ul',
      { class: 'jw-options' },
      w.sandbox ? option('jw-method-virtual', ui.methodVirtual, ui.methodVirtualNote, cardScreen, w) : null,
      option('jw-method-phone', ui.methodPhone, ui.methodPhoneNote, qrScreen, w),
      option('jw-method-bridge', ui.methodBridge, ui.methodBridgeNote, bridgeScreen, w),
    ),
    h(
      'div',
      { class: 'jw-actions' },
      h('button', { type: 'button', class: 'jw-secondary', onclick: () => w.go(reviewScreen) }, ui.back),
    ),
  );
}
