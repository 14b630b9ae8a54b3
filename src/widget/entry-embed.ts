/**
 * The one-<script> embed (served as /widget/embed.js). In the RP's page:
 *
 *   <script src="https://gateway.example/widget/embed.js"></script>
 *   JpkiWidget.mount('#kyc', { clientToken, lang: 'ja', onEvent: (e) => … });   // iframe
 *   JpkiWidget.redirect({ clientToken, returnUrl: 'https://rp.example/done' }); // full page
 *
 * or declaratively: <script src=".../embed.js" data-client-token="ct_…" data-target="#kyc"
 * data-lang="en"></script> (events as `jpki-widget` DOM events on the target).
 * The client token goes only to the gateway's own frame (postMessage targetOrigin = the
 * gateway's origin, after the frame proved itself with `hello`), never into a URL; messages
 * are accepted only from that frame's window and the gateway's origin.
 */

interface MountOptions {
  readonly clientToken: string;
  readonly lang?: 'ja' | 'en';
  readonly onEvent?: (event: WidgetEvent) => void;
  /** Accessible name of the frame. */
  readonly title?: string;
}

interface WidgetEvent {
  readonly type: 'ready' | 'completed' | 'failed' | 'cancelled';
  readonly sessionId?: string;
  readonly hint?: string;
  readonly code?: string;
}

interface Mounted {
  /** Asks the widget to stop (it reports `cancelled`); cancel the session from your backend too. */
  cancel(): void;
  /** Switches the widget's language. */
  setLang(lang: 'ja' | 'en'): void;
  destroy(): void;
  readonly frame: HTMLIFrameElement;
}

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src) return;
  const gateway = new URL(script.src).origin;
  const EVENTS = new Set(['ready', 'completed', 'failed', 'cancelled']);

  function mount(target: string | Element, o: MountOptions): Mounted {
    const el = typeof target === 'string' ? document.querySelector(target) : target;
    if (!el) throw new TypeError(`JpkiWidget.mount: no element ${String(target)}`);
    if (!/^ct_[A-Za-z0-9_-]{20,100}$/.test(o.clientToken)) throw new TypeError('JpkiWidget.mount: not a client token');
    const frame = document.createElement('iframe');
    frame.src = `${gateway}/widget/frame`;
    frame.title = o.title ?? (o.lang === 'en' ? 'My Number Card signing' : 'マイナンバーカードで署名');
    frame.setAttribute('allow', 'clipboard-write');
    frame.style.width = '100%';
    frame.style.minHeight = '480px';
    frame.style.border = '0';
    frame.style.display = 'block';
    const post = (data: Record<string, unknown>): void =>
      frame.contentWindow?.postMessage({ source: 'jpki-gateway-host', version: 1, ...data }, gateway);
    const onMessage = (e: MessageEvent): void => {
      if (e.source !== frame.contentWindow || e.origin !== gateway) return;
      const d = e.data as Record<string, unknown> | null;
      if (!d || d.source !== 'jpki-gateway' || d.version !== 1) return;
      if (d.type === 'hello') post({ type: 'init', clientToken: o.clientToken, lang: o.lang ?? 'ja' });
      else if (d.type === 'resize' && typeof d.height === 'number')
        frame.style.height = `${Math.min(d.height, 4000)}px`;
      else if (typeof d.type === 'string' && EVENTS.has(d.type)) {
        const event: WidgetEvent = {
          type: d.type as WidgetEvent['type'],
          ...(typeof d.sessionId === 'string' ? { sessionId: d.sessionId } : {}),
          ...(typeof d.hint === 'string' ? { hint: d.hint } : {}),
          ...(typeof d.code === 'string' ? { code: d.code } : {}),
        };
        o.onEvent?.(event);
        el.dispatchEvent(new CustomEvent('jpki-widget', { detail: event, bubbles: true }));
      }
    };
    window.addEventListener('message', onMessage);
    el.replaceChildren(frame);
    return {
      frame,
      cancel: () => post({ type: 'cancel' }),
      setLang: (lang) => post({ type: 'lang', lang }),
      destroy: () => {
        window.removeEventListener('message', onMessage);
        frame.remove();
      },
    };
  }

  /** Full-page mode: POSTs the token to the gateway (a form, so it is in no URL, log or Referer). */
  function redirect(o: { clientToken: string; returnUrl: string; lang?: 'ja' | 'en' }): void {
    const form = document.createElement('form');
    form.method = 'POST';
    form.action = `${gateway}/widget/`;
    for (const [name, value] of Object.entries({
      clientToken: o.clientToken,
      returnUrl: o.returnUrl,
      lang: o.lang ?? 'ja',
    })) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }

  (window as unknown as { JpkiWidget: unknown }).JpkiWidget = { mount, redirect, gateway };

  const d = script.dataset;
  if (d.clientToken) {
    let target = d.target ? document.querySelector(d.target) : null;
    if (!target) script.after((target = document.createElement('div')));
    mount(target, { clientToken: d.clientToken, ...(d.lang === 'en' || d.lang === 'ja' ? { lang: d.lang } : {}) });
  }
})();
