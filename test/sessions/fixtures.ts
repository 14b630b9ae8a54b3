/**
 * Sandbox material for session tests. Origin: the default sandbox J-LIS (src/sandbox), cards
 * with seeds 'sessions/<scenario>', all at SANDBOX_CARD_AT; derived on each run (keys cached
 * under node_modules/.cache), nothing to regenerate.
 */
import { constants, privateEncrypt } from 'node:crypto';
import { createMemoryAuditLog } from '../../src/audit/memory-audit-log.js';
import { createMyNumberVault, createVaultKeyRing } from '../../src/identity/my-number/vault/index.js';
import { createVerifier } from '../../src/index.js';
import {
  SANDBOX_CARD_AT,
  createCardSigningCrl,
  createSandboxPki,
  issueSandboxCard,
  type SandboxCard,
  type SandboxCardScenario,
} from '../../src/sandbox/index.js';
import { createSessionService, type SessionServiceDeps } from '../../src/sessions/index.js';
import type { CardDataSubmission, TenantContext } from '../../src/sessions/types.js';
import { createMemorySessionStores, type SessionStores } from '../../src/storage/sessions/index.js';
import { manualClock, type ManualClock } from '../storage/contract/manual-clock.js';

export const pki = createSandboxPki();
const cardCache = new Map<string, SandboxCard>();

export function card(name: 'valid' | 'revoked' | 'expired' | 'tampered' | 'other-person' = 'valid'): SandboxCard {
  const scenario: SandboxCardScenario = {
    valid: 'valid' as const,
    revoked: { kind: 'revoked' as const, reason: 'affiliationChanged' as const },
    expired: 'expired' as const,
    tampered: 'text-ap-tampered' as const,
    'other-person': 'text-ap-of-another-person' as const,
  }[name];
  let c = cardCache.get(name);
  if (!c) cardCache.set(name, (c = issueSandboxCard({ pki, seed: `sessions/${name}`, scenario })));
  return c;
}

/** The municipality's current CRL, listing the revoked card. */
export function currentCrl(): Uint8Array {
  const r = card('revoked').revocation!;
  return createCardSigningCrl(card('valid'), {
    entries: [{ serial: r.serial, revokedAt: r.revokedAt, reason: r.reason }],
  });
}

export const TENANT: TenantContext = Object.freeze({
  id: 'brokerage',
  name: '見本証券株式会社',
  scopes: new Set(['identity', 'sign', 'my_number']),
  origins: ['https://www.example-securities.co.jp'],
});
export const OTHER_TENANT: TenantContext = Object.freeze({ ...TENANT, id: 'bank', name: '見本銀行' });
export const ORIGIN = 'https://www.example-securities.co.jp';

/** The sandbox verifier's options without the clock (also what a verifier pool's workers get). */
export function sandboxVerifierOptions() {
  const c = card('valid');
  return {
    // both purposes' roots: the purpose check, not a missing root, must refuse an auth certificate
    trustAnchors: [c.signing.issuer.der, c.authentication.issuer.der],
    crls: [currentCrl()],
    cvCaKeys: c.cvCa.cvCaKeys(),
  };
}

export function sandboxVerifier(clock: ManualClock) {
  return createVerifier({ ...sandboxVerifierOptions(), clock });
}

export interface Harness {
  readonly clock: ManualClock;
  readonly stores: SessionStores;
  readonly audit: ReturnType<typeof createMemoryAuditLog>;
  readonly service: ReturnType<typeof createSessionService>;
}

export function harness(
  over: Partial<SessionServiceDeps> & { stores?: SessionStores; clock?: ManualClock } = {},
): Harness {
  const clock = over.clock ?? manualClock(SANDBOX_CARD_AT);
  const stores = over.stores ?? createMemorySessionStores(clock);
  const audit = createMemoryAuditLog();
  const vault = createMyNumberVault({
    store: stores.vault,
    keyRing: createVaultKeyRing([{ id: 'k1', key: new Uint8Array(32).fill(7) }]),
    audit,
    clock,
  });
  const service = createSessionService({
    sessions: stores.sessions,
    singleUse: stores.singleUse,
    vault,
    verifier: sandboxVerifier(clock),
    clock,
    publicUrl: 'https://gateway.example.jp',
    ...over,
  });
  return { clock, stores, audit, service };
}

/** What a card does with the DigestInfo: RSASSA-PKCS1-v1_5 (the card pads, it never hashes). */
export function cardSign(c: SandboxCard, digestInfoB64: string, key: 'signing' | 'authentication' = 'signing'): string {
  const privateKey = key === 'signing' ? c.signing.privateKey : c.authentication.privateKey;
  return privateEncrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
    Buffer.from(digestInfoB64, 'base64'),
  ).toString('base64');
}

/** The widget's cardData: the text-AP files and the card's internal authentication of the challenge. */
export function cardData(c: SandboxCard, challengeB64: string): CardDataSubmission {
  const b64 = (u: Uint8Array): string => Buffer.from(u).toString('base64');
  return {
    textAp: {
      ef0001: b64(c.textAp.ef0001),
      ef0002: b64(c.textAp.ef0002),
      ef0003: b64(c.textAp.ef0003),
      ef0004: b64(c.textAp.ef0004),
      ef0007: b64(c.textAp.ef0007),
    },
    challengeSignature: b64(c.internalAuthenticate(Buffer.from(challengeB64, 'base64'))),
  };
}

export const certB64 = (der: Uint8Array): string => Buffer.from(der).toString('base64');

export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code) return code;
    throw e;
  }
  throw new Error('expected a coded rejection');
}
