/**
 * createSession (POST /v1/sessions): validates the request with one-rule checks, then stores a
 * pending session with its single-use companions — the client token (stored only as its
 * SHA-256), the statement nonce, and the card challenge when the My Number is requested.
 */
import { createHash, randomBytes } from 'node:crypto';
import { GatewayError } from '../errors.js';
import { checkDisplayText } from './checks/display-text.js';
import { checkDocument } from './checks/check-document.js';
import { checkInclude } from './checks/check-include.js';
import { checkOrigin } from './checks/check-origin.js';
import { checkScopes } from './checks/check-scopes.js';
import { checkSessionType } from './checks/check-session-type.js';
import { checkTtl } from './checks/check-ttl.js';
import { checkWebhookUrl } from './checks/check-webhook-url.js';
import type { SessionDeps } from './deps.js';
import { newClientToken, newSessionId } from './ids.js';
import { cardChallengeKey, clientTokenKey, clientTokenRef, nonceKey } from './keys.js';
import { storeTtlMs } from './session-access.js';
import { buildStatement } from './statement.js';
import type { CreatedSession, CreateSessionRequest, SessionRecord, TenantContext } from './types.js';

export const NONCE_BYTES = 32;
export const CARD_CHALLENGE_BYTES = 32;

export async function createSession(
  deps: SessionDeps,
  tenant: TenantContext,
  unverified: CreateSessionRequest,
): Promise<CreatedSession> {
  if (typeof unverified !== 'object' || unverified === null)
    throw new GatewayError('ERR_SESSION_INPUT', 'body must be an object');
  const type = checkSessionType(unverified.type);
  const include = checkInclude(unverified.include);
  checkScopes(tenant, type, include);
  const rpName = checkDisplayText(tenant.name, 'tenant name', 200)!;
  const purpose = checkDisplayText(unverified.purpose, 'purpose', 500)!;
  const origin = checkOrigin(unverified.origin, tenant);
  const document = checkDocument(unverified.document, type, deps.limits);
  const webhookUrl = checkWebhookUrl(unverified.webhookUrl);
  const reference = checkDisplayText(unverified.reference, 'reference', 128, false);
  const ttlSeconds = checkTtl(unverified.ttlSeconds, deps.limits);

  const now = deps.clock.now();
  const id = newSessionId();
  const nonce = randomBytes(NONCE_BYTES).toString('base64url');
  const clientToken = newClientToken();
  const cardChallenge = include.includes('my_number')
    ? randomBytes(CARD_CHALLENGE_BYTES).toString('base64')
    : undefined;
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000).toISOString();
  const record: SessionRecord = {
    id,
    tenantId: tenant.id,
    rpName,
    type,
    status: 'pending',
    hint: 'waiting_for_user',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    expiresAt,
    purpose,
    origin,
    include,
    ...(reference !== undefined ? { reference } : {}),
    ...(webhookUrl !== undefined ? { webhookUrl } : {}),
    nonce,
    ...(type === 'identity' ? { statement: buildStatement({ rpName, origin, purpose, nonce, issuedAt: now }) } : {}),
    ...(document ? { document } : {}),
    clientTokenHash: createHash('sha256').update(clientToken).digest('hex'),
    ...(cardChallenge ? { cardChallenge } : {}),
  };

  const liveMs = ttlSeconds * 1000;
  // 128 random bits: a collision means a broken RNG, not bad input.
  if (!(await deps.sessions.insert(record, storeTtlMs(deps, record)))) throw new Error('session id collision');
  const singles = [
    // The token outlives the pending phase (as long as the record) so a late widget call is
    // told "expired" (410), not "unknown token" (401).
    deps.singleUse.putIfAbsent(clientTokenKey(clientToken), clientTokenRef(tenant.id, id), storeTtlMs(deps, record)),
    deps.singleUse.putIfAbsent(nonceKey(tenant.id, id), nonce, liveMs),
    ...(cardChallenge ? [deps.singleUse.putIfAbsent(cardChallengeKey(tenant.id, id), cardChallenge, liveMs)] : []),
  ];
  if (!(await Promise.all(singles)).every(Boolean)) throw new Error('single-use value collision');
  return {
    id,
    type,
    status: 'pending',
    expiresAt,
    widgetUrl: widgetUrl(typeof deps.publicUrl === 'function' ? deps.publicUrl() : deps.publicUrl, id),
    clientToken,
  };
}

/**
 * The widget page; the session id rides in the fragment (never sent to servers or in Referer).
 * The RP's page hands the widget the client token, which never goes into a URL.
 */
function widgetUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/widget/#${id}`;
}
