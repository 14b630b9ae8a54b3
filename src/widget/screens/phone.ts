/**
 * The phone's card step (cross-device, after the QR code): in sandbox mode the virtual card
 * (the desktop's sandbox card when it had one); in production the documented deep link that
 * hands this session to a card-reading app, which signs with the card over NFC and posts to
 * the client API (contract §5) with the session's client token. The desktop follows either way.
 */
import { h } from '../dom.js';
import type { Widget } from '../widget-context.js';
import { cardScreen } from './card-step.js';

/**
 * The phone app's universal link / App Link (docs/card-transport.md §6): the API base is the
 * link's origin and the token rides in the fragment, so it reaches no server log.
 */
export function appDeepLink(gatewayOrigin: string, clientToken: string): string {
  return `${gatewayOrigin}/app/card/v1#token=${encodeURIComponent(clientToken)}`;
}

export function phoneCardScreen(w: Widget): HTMLElement {
  if (w.sandbox) return cardScreen(w);
  const { ui } = w;
  return h(
    'section',
    { class: 'jw-screen', 'data-screen': 'app-link' },
    h('h1', {}, ui.phoneTitle),
    h('p', {}, ui.appLinkNote),
    h(
      'a',
      { class: 'jw-primary jw-link-button', id: 'jw-app-link', href: appDeepLink(location.origin, w.api.token) },
      ui.appLink,
    ),
  );
}
