/**
 * The state of one widget on one page, shared by the screens. The controller (app.ts) owns
 * navigation; screens are functions of this context that return an element.
 */
import type { ClientSessionView } from '../sessions/types.js';
import type { Api } from './api.js';
import type { HostChannel } from './host-channel.js';
import type { Lang } from './i18n/catalogue-types.js';
import type { Problem } from './i18n/explain.js';
import type { Ui } from './i18n/ui-types.js';

/** frame: inside the RP's page; page: full page with a return URL; phone: the cross-device page. */
export type WidgetMode = 'frame' | 'page' | 'phone';

export type Ending =
  | { readonly kind: 'completed' }
  | { readonly kind: 'failed'; readonly problem: Problem; readonly code?: string }
  | { readonly kind: 'cancelled' };

export type Screen = (w: Widget) => HTMLElement;

export interface Widget {
  readonly mode: WidgetMode;
  readonly sandbox: boolean;
  readonly api: Api;
  readonly session: ClientSessionView;
  readonly host: HostChannel;
  /** Full-page mode: where to send the user back (checked against the session's origin). */
  readonly returnUrl?: string;
  /** Phone: the sandbox card the desktop used, when it had one. */
  readonly sandboxCardId?: string;
  lang: Lang;
  ui: Ui;
  consent: boolean;
  ended?: Ending;
  go(screen: Screen): void;
  /** Re-renders the current screen (after a language switch). */
  render(): void;
  /** Switches the language (the switch button, or the host's `lang` message). */
  setLang(lang: Lang): void;
  /** Announces through the polite live region. */
  announce(text: string): void;
  /** Ends the session's UI once: shows the result and tells the host. */
  end(ending: Ending): void;
  /** Called when the widget leaves a screen with timers (QR polling). */
  onLeave(cleanup: () => void): void;
}
