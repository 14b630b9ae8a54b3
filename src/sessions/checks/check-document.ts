import { createHash } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import type { SessionLimits } from '../limits.js';
import type { SessionDocument, SessionType } from '../types.js';
import { checkDisplayText } from './display-text.js';
import { decodeBase64Field } from './decode-base64.js';

// Contract §5: a signing session signs a document given by content or by its SHA-256 (exactly
// one); an identity session signs the gateway's statement and takes no document.
export function checkDocument(value: unknown, type: SessionType, limits: SessionLimits): SessionDocument | undefined {
  if (type === 'identity') {
    if (value !== undefined) throw new GatewayError('ERR_SESSION_INPUT', 'identity sessions take no document');
    return undefined;
  }
  if (typeof value !== 'object' || value === null)
    throw new GatewayError('ERR_SESSION_INPUT', 'signing sessions need a document');
  const d = value as Record<string, unknown>;
  const name = checkDisplayText(d.name, 'document.name', 255)!;
  const mediaType = d.mediaType === undefined ? 'application/octet-stream' : checkMediaType(d.mediaType);
  if ((d.content === undefined) === (d.digest === undefined))
    throw new GatewayError('ERR_SESSION_INPUT', 'document needs exactly one of content, digest');
  if (d.content !== undefined) {
    const content = decodeBase64Field(d.content, 'document.content', 1, limits.maxDocumentBytes);
    const digest = createHash('sha256').update(content).digest('base64');
    return { name, mediaType, digest, size: content.length, content: Buffer.from(content).toString('base64') };
  }
  const digest = decodeBase64Field(d.digest, 'document.digest', 32, 32);
  return { name, mediaType, digest: Buffer.from(digest).toString('base64') };
}

// RFC 6838 §4.2: type "/" subtype, restricted names.
function checkMediaType(v: unknown): string {
  if (
    typeof v !== 'string' ||
    !/^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,62}$/.test(v)
  )
    throw new GatewayError('ERR_SESSION_INPUT', 'document.mediaType must be type/subtype');
  return v.toLowerCase();
}
