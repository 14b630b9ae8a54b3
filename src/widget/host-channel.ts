/**
 * The widget's side of the postMessage protocol with the host page (iframe mode):
 *
 *   frame → parent  {source:'jpki-gateway', version:1, type:'hello'}            targetOrigin '*' (carries nothing)
 *   parent → frame  {source:'jpki-gateway-host', version:1, type:'init', clientToken, lang?}
 *                   accepted only from window.parent; its event.origin is the host's origin
 *   frame → parent  ready | completed | failed | cancelled | resize             targetOrigin = the SESSION's origin
 *   parent → frame  cancel | lang                                               only from window.parent AND the session's origin
 *
 * The token only ever travels to the gateway's origin (the embed script posts it with
 * targetOrigin = gateway origin). The host's origin must equal the session's origin, or the
 * widget shows a warning and never talks to that host again (a phishing page embedding it).
 */
import type { SessionHint } from '../sessions/types.js';

export type HostEvent =
  | { readonly type: 'ready'; readonly sessionId: string }
  | { readonly type: 'completed'; readonly sessionId: string }
  | { readonly type: 'failed'; readonly sessionId: string; readonly hint?: SessionHint; readonly code?: string }
  | { readonly type: 'cancelled'; readonly sessionId: string }
  | { readonly type: 'resize'; readonly height: number };

export interface InitMessage {
  readonly clientToken: string;
  readonly lang?: string;
  readonly hostOrigin: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Waits for the host's init (the token), after announcing the frame. */
export function awaitInit(): Promise<InitMessage> {
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent): void => {
      if (e.source !== window.parent || !isObject(e.data)) return;
      const d = e.data;
      if (d.source !== 'jpki-gateway-host' || d.version !== 1 || d.type !== 'init') return;
      if (typeof d.clientToken !== 'string' || !/^ct_[A-Za-z0-9_-]{20,100}$/.test(d.clientToken)) return;
      window.removeEventListener('message', onMessage);
      resolve({
        clientToken: d.clientToken,
        hostOrigin: e.origin,
        ...(typeof d.lang === 'string' ? { lang: d.lang } : {}),
      });
    };
    window.addEventListener('message', onMessage);
    window.parent.postMessage({ source: 'jpki-gateway', version: 1, type: 'hello' }, '*');
  });
}

export interface HostChannel {
  post(event: HostEvent): void;
  /** Stops talking to the host (origin mismatch). */
  close(): void;
}

export function hostChannel(
  sessionOrigin: string,
  handlers: { onCancel(): void; onLang(lang: string): void },
): HostChannel {
  let open = true;
  const onMessage = (e: MessageEvent): void => {
    if (!open || e.source !== window.parent || e.origin !== sessionOrigin || !isObject(e.data)) return;
    const d = e.data;
    if (d.source !== 'jpki-gateway-host' || d.version !== 1) return;
    if (d.type === 'cancel') handlers.onCancel();
    else if (d.type === 'lang' && typeof d.lang === 'string') handlers.onLang(d.lang);
  };
  window.addEventListener('message', onMessage);
  return {
    post(event) {
      if (open) window.parent.postMessage({ source: 'jpki-gateway', version: 1, ...event }, sessionOrigin);
    },
    close() {
      open = false;
      window.removeEventListener('message', onMessage);
    },
  };
}

/** No host (full page, phone): events go nowhere. */
export const noHost: HostChannel = { post: () => undefined, close: () => undefined };
