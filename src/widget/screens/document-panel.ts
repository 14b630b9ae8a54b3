/**
 * The document of a signing session: name, size, type, SHA-256 in hex (what a careful user
 * can compare with the file they received), and a preview — text inline, PDF through the
 * browser's viewer from a blob: URL (no network), anything else only by its facts.
 */
import { fromBase64 } from '../../card/bytes.js';
import type { SessionDocument } from '../../sessions/types.js';
import { h, hex } from '../dom.js';
import type { Widget } from '../widget-context.js';

const MAX_TEXT_PREVIEW = 20_000;

function groupedHex(b64: string): string {
  try {
    return (hex(fromBase64(b64)).match(/.{1,8}/g) ?? []).join(' ');
  } catch {
    return '';
  }
}

function preview(w: Widget, d: SessionDocument): HTMLElement {
  const { ui } = w;
  if (!d.content) return h('p', { class: 'jw-note' }, ui.previewUnavailable);
  const bytes = fromBase64(d.content);
  if (/^text\/|^application\/(json|xml)/.test(d.mediaType)) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, MAX_TEXT_PREVIEW));
    return h('pre', { class: 'jw-preview-text', tabindex: 0, 'aria-label': ui.preview }, text);
  }
  if (d.mediaType === 'application/pdf') {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
    w.onLeave(() => setTimeout(() => URL.revokeObjectURL(url), 60_000));
    return h(
      'div',
      { class: 'jw-preview' },
      h(
        'object',
        { data: url, type: 'application/pdf', class: 'jw-preview-pdf', 'aria-label': `${ui.preview}: ${d.name}` },
        h('p', { class: 'jw-note' }, ui.previewUnavailable),
      ),
      h('a', { href: url, target: '_blank', rel: 'noopener', download: d.name }, ui.previewOpen),
    );
  }
  return h('p', { class: 'jw-note' }, ui.previewUnavailable);
}

export function documentPanel(w: Widget, d: SessionDocument): HTMLElement {
  const { ui } = w;
  const row = (t: string, v: Node | string): Node[] => [h('dt', {}, t), h('dd', {}, v)];
  return h(
    'section',
    { class: 'jw-panel', 'aria-labelledby': 'jw-document' },
    h('h2', { id: 'jw-document' }, ui.document),
    h(
      'dl',
      { class: 'jw-facts' },
      row(ui.documentName, h('strong', { translate: 'no' }, d.name)),
      d.size !== undefined ? row(ui.documentSizeLabel, ui.documentSize(d.size)) : [],
      row(ui.documentType, d.mediaType),
      row(ui.documentHash, h('code', { class: 'jw-hash' }, groupedHex(d.digest) || ui.documentHashUnknown)),
    ),
    h('h3', {}, ui.preview),
    preview(w, d),
  );
}
