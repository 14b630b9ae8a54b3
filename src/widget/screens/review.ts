/**
 * Who is asking (RP name and origin, prominent, so a look-alike site shows), why (purpose),
 * exactly what is shared (basic four, My Number) or signed (the statement; the document's
 * name, size, type, SHA-256 and a preview), the deadline, and the consent.
 */
import type { ClientSessionView } from '../../sessions/types.js';
import { h, uid } from '../dom.js';
import { documentPanel } from './document-panel.js';
import { methodScreen } from './method.js';
import { phoneCardScreen } from './phone.js';
import type { Widget } from '../widget-context.js';

const row = (term: string, ...desc: (Node | string)[]): Node[] => [h('dt', {}, term), h('dd', {}, ...desc)];

function sharesPanel(w: Widget, s: ClientSessionView): HTMLElement {
  const { ui } = w;
  const items: Node[] = [];
  if (s.shares.includes('basic4')) items.push(...ui.basic4.map((b) => h('li', {}, b)));
  if (s.shares.includes('my_number')) items.push(h('li', { class: 'jw-strong' }, ui.myNumber));
  return h(
    'section',
    { class: 'jw-panel', 'aria-labelledby': 'jw-shares' },
    h('h2', { id: 'jw-shares' }, ui.shares),
    items.length ? h('ul', { class: 'jw-list' }, items) : h('p', {}, ui.sharesNothing),
    s.shares.includes('my_number') ? h('p', { class: 'jw-note' }, ui.myNumberNote) : null,
  );
}

export function reviewScreen(w: Widget): HTMLElement {
  const { ui, session: s } = w;
  const consentId = uid('jw-consent');
  const errorId = uid('jw-consent-error');
  const error = h('p', { id: errorId, class: 'jw-error', role: 'alert' });
  const checkbox = h('input', {
    type: 'checkbox',
    id: consentId,
    'aria-describedby': errorId,
    checked: w.consent,
    onchange: (e: Event) => {
      w.consent = (e.target as HTMLInputElement).checked;
      if (w.consent) error.textContent = '';
    },
  });
  const expires = new Date(s.expiresAt).toLocaleTimeString(w.lang === 'ja' ? 'ja-JP' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });
  return h(
    'section',
    { class: 'jw-screen', 'data-screen': 'review' },
    h('h1', {}, s.type === 'identity' ? ui.identityTitle : ui.signingTitle),
    h(
      'dl',
      { class: 'jw-who' },
      row(ui.requestedBy, h('strong', { class: 'jw-rp' }, s.rp.name)),
      row(ui.website, h('strong', { class: 'jw-origin', translate: 'no' }, s.origin)),
      row(ui.purpose, s.purpose),
    ),
    h('p', { class: 'jw-note' }, ui.websiteCheck),
    s.type === 'identity' ? sharesPanel(w, s) : null,
    s.statement !== undefined
      ? h(
          'section',
          { class: 'jw-panel', 'aria-labelledby': 'jw-statement' },
          h('h2', { id: 'jw-statement' }, ui.statement),
          h('pre', { class: 'jw-statement', tabindex: 0 }, s.statement),
        )
      : null,
    s.document ? documentPanel(w, s.document) : null,
    h('p', { class: 'jw-note' }, ui.expiresAt(expires)),
    h(
      'div',
      { class: 'jw-consent' },
      checkbox,
      h('label', { for: consentId }, s.type === 'identity' ? ui.consentIdentity(s.rp.name) : ui.consentSigning),
    ),
    error,
    h(
      'div',
      { class: 'jw-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'jw-primary',
          id: 'jw-continue',
          onclick: () => {
            if (!w.consent) {
              error.textContent = ui.consentRequired;
              checkbox.focus();
              return;
            }
            w.go(w.mode === 'phone' ? phoneCardScreen : methodScreen);
          },
        },
        ui.continue,
      ),
      cancelButton(w),
    ),
  );
}

export function cancelButton(w: Widget): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'jw-secondary', onclick: () => w.end({ kind: 'cancelled' }) },
    w.ui.cancel,
  );
}
