/**
 * Virtual cards issued over HTTP in sandbox mode (POST /sandbox/cards): the material of
 * `jpki-gateway sandbox card` as JSON. The card is a pure function of the request (identity,
 * scenario, number), so repeating a request gives the same card id and keys (and hits the key
 * cache); its validity is relative to the issuing moment.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import { issueSandboxCard, type SandboxCard } from './card.js';
import type { SandboxCardScenario } from './card-scenarios.js';
import type { SandboxIdentity } from './jpki-identity.js';
import type { SandboxPki } from './jpki-pki.js';

export interface SandboxCardRequest {
  readonly identity?: Partial<SandboxIdentity>;
  readonly scenario?: Exclude<SandboxCardScenario, { kind: 'revoked' }>;
  readonly myNumber?: string;
}

export interface IssuedSandboxCard {
  readonly id: string;
  readonly card: SandboxCard;
}

const MAX_CARDS = 1000;

export interface SandboxCardRegistry {
  issue(request: SandboxCardRequest): IssuedSandboxCard;
  get(id: string): SandboxCard | undefined;
}

export function createSandboxCardRegistry(pki: SandboxPki, clock: Clock): SandboxCardRegistry {
  const cards = new Map<string, SandboxCard>();
  return {
    issue(request) {
      const digest = createHash('sha256')
        .update(JSON.stringify([request.identity ?? {}, request.scenario ?? 'valid', request.myNumber ?? '']))
        .digest('base64url')
        .replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 22);
      const id = `card_${digest}`;
      const card = issueSandboxCard({
        pki,
        seed: `api/${digest}`,
        at: clock.now(),
        ...(request.identity ? { identity: request.identity } : {}),
        ...(request.scenario ? { scenario: request.scenario } : {}),
        ...(request.myNumber ? { myNumber: request.myNumber } : {}),
      });
      cards.delete(id);
      cards.set(id, card);
      if (cards.size > MAX_CARDS) cards.delete(cards.keys().next().value as string);
      return { id, card };
    },
    get: (id) => cards.get(id),
  };
}

const pkcs8 = (k: SandboxCard['cardKey']['privateKey']): string =>
  k.export({ type: 'pkcs8', format: 'pem' }).toString();
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** The response body of POST /sandbox/cards (contract §5 field names). */
export function sandboxCardJson(id: string, card: SandboxCard, crlUrl: string) {
  return {
    id,
    scenario: card.scenario,
    signingKey: pkcs8(card.signing.privateKey),
    signingCertificate: card.signing.pem,
    authenticationKey: pkcs8(card.authentication.privateKey),
    authenticationCertificate: card.authentication.pem,
    signingCaCertificate: card.signing.issuer.pem,
    authenticationCaCertificate: card.authentication.issuer.pem,
    textAp: {
      ef0001: b64(card.textAp.ef0001),
      ef0002: b64(card.textAp.ef0002),
      ef0003: b64(card.textAp.ef0003),
      ef0004: b64(card.textAp.ef0004),
      ef0007: b64(card.textAp.ef0007),
    },
    cardKey: pkcs8(card.cardKey.privateKey),
    cvCaKeys: card.cvCa.cvCaKeys().map((k) => ({ keyId: k.keyId, publicKey: b64(k.publicKey) })),
    pins: { ...card.pins },
    crlUrl,
  };
}
