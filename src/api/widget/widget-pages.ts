/**
 * The HTML shells of the widget (frame, full page, phone) and their security headers. The
 * pages hold no inline script or style (CSP: default-src 'self'); text that comes from a
 * request (the full-page POST) is escaped into attributes only.
 */
import type { FastifyReply } from 'fastify';

export type PageMode = 'frame' | 'page' | 'phone';

const BRIDGE = 'ws://127.0.0.1:54321 ws://localhost:54321'; // the reader bridge: loopback only (src/card/bridge-websocket.ts)

/** default-src 'self' for everything; blob: only for the local document preview. */
export function contentSecurityPolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "object-src 'self' blob:",
    "frame-src 'self' blob:",
    `connect-src 'self' ${BRIDGE}`,
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

export function securityHeaders(reply: FastifyReply, frameAncestors: readonly string[]): FastifyReply {
  return reply
    .header('content-security-policy', contentSecurityPolicy(frameAncestors))
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-opener-policy', 'same-origin-allow-popups')
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
}

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface PageInput {
  readonly mode: PageMode;
  readonly sandbox: boolean;
  readonly lang?: 'ja' | 'en';
  /** Full-page mode: the token POSTed by the RP, and where to return. */
  readonly meta?: Readonly<Record<string, string>>;
}

export function widgetPage(p: PageInput): string {
  const lang = p.lang ?? 'ja';
  const metas = Object.entries(p.meta ?? {})
    .map(([k, v]) => `<meta name="${escapeHtml(k)}" content="${escapeHtml(v)}">`)
    .join('');
  const title = lang === 'en' ? 'My Number Card — jpki-gateway' : 'マイナンバーカード — jpki-gateway';
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer">${metas}<title>${title}</title>` +
    `<link rel="stylesheet" href="/widget/widget.css"></head>` +
    `<body data-mode="${p.mode}" data-sandbox="${p.sandbox}">` +
    `<div id="jpki-widget" class="jw"><p role="status">${lang === 'en' ? 'Loading…' : '読み込んでいます…'}</p>` +
    `<noscript>${lang === 'en' ? 'This page needs JavaScript.' : 'このページには JavaScript が必要です。'}</noscript></div>` +
    `<script src="/widget/app.js" defer></script></body></html>`
  );
}

/**
 * Where the phone app's universal link (docs/card-transport.md §6) lands when the app is not
 * installed: the link's fragment (the token) never reaches the server; the page says what to do.
 */
export const APP_LINK_FALLBACK = `<!doctype html><html lang="ja"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>カード読み取りアプリ / Card reader app</title>
<link rel="stylesheet" href="/widget/widget.css"></head><body><main class="jw jw-main">
<h1>カード読み取りアプリが必要です</h1>
<p>このリンクは、マイナンバーカードを読み取るアプリで開きます。アプリをインストールしてから、パソコンに表示されたQRコードをもう一度読み取ってください。</p>
<h2 lang="en">The card reader app is needed</h2>
<p lang="en">This link opens in the app that reads your My Number Card. Install the app, then scan the QR code on your computer again.</p>
</main></body></html>`;
