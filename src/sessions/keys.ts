/** Where each single-use value lives (see SingleUseStore for why two kinds are global). */
import { createHash } from 'node:crypto';
import type { SingleUseKey } from './ports.js';

export const clientTokenKey = (clientToken: string): SingleUseKey => ({
  tenantId: null,
  kind: 'client-token',
  id: createHash('sha256').update(clientToken).digest('hex'),
});

export const nonceKey = (tenantId: string, sessionId: string): SingleUseKey => ({
  tenantId,
  kind: 'nonce',
  id: sessionId,
});

export const cardChallengeKey = (tenantId: string, sessionId: string): SingleUseKey => ({
  tenantId,
  kind: 'card-challenge',
  id: sessionId,
});

/** Keyed by the signature VALUE (not the CMS bytes), so re-wrapping a value in a new CMS is still a replay. */
export const signatureKey = (signatureValue: Uint8Array): SingleUseKey => ({
  tenantId: null,
  kind: 'signature',
  id: createHash('sha256').update(signatureValue).digest('hex'),
});

/** The client token's stored form: its SHA-256, never the token. */
export const clientTokenRef = (tenantId: string, sessionId: string): string => JSON.stringify([tenantId, sessionId]);

export function parseClientTokenRef(v: string): { tenantId: string; sessionId: string } | undefined {
  try {
    const a: unknown = JSON.parse(v);
    if (Array.isArray(a) && a.length === 2 && typeof a[0] === 'string' && typeof a[1] === 'string')
      return { tenantId: a[0], sessionId: a[1] };
  } catch {
    // fall through: an unreadable entry authenticates nobody
  }
  return undefined;
}
