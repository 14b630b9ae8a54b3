/** What a session's signature covers: the statement's UTF-8 bytes, the document, or its digest. */
import type { SessionRecord } from './types.js';

export type SignedContent =
  | { readonly kind: 'content'; readonly bytes: Uint8Array; readonly attached: boolean }
  | { readonly kind: 'digest'; readonly digest: Uint8Array };

export function signedContentOf(r: SessionRecord): SignedContent {
  // Identity: the statement travels inside the CMS (small, and the evidence is self-contained).
  if (r.type === 'identity') return { kind: 'content', bytes: Buffer.from(statementOf(r), 'utf8'), attached: true };
  const doc = r.document;
  if (!doc) throw new TypeError('signing session without a document');
  // Documents: a detached CMS, the RP keeps the document.
  if (doc.content !== undefined) return { kind: 'content', bytes: Buffer.from(doc.content, 'base64'), attached: false };
  return { kind: 'digest', digest: Buffer.from(doc.digest, 'base64') };
}

function statementOf(r: SessionRecord): string {
  if (r.statement === undefined) throw new TypeError('identity session without a statement');
  return r.statement;
}
