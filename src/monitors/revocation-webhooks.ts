/**
 * The CRL manager's "newly revoked" events (crl.revocations) → certificate.revoked webhooks
 * for every monitor of a listed serial in that partition, carrying the reason and its JPKI
 * meaning (affiliationChanged → a basic-four attribute changed: re-verify the customer) and
 * ids only — never the identity. The event id is stable per (tenant, monitor, serial), so two
 * replicas that both saw the update enqueue it once; the monitor records the revocation once.
 */
import type { SecurityEvent } from '../audit/chain/security-event.js';
import type { Clock } from '../clock.js';
import { REASON_MEANINGS } from '../revocation/crl/reasons.js';
import type { CrlRevocationsEvent } from '../revocation/events/types.js';
import { eventId } from '../webhooks/event-id.js';
import type { WebhookBody, WebhookOutbox } from '../webhooks/types.js';
import type { Monitor, MonitorRevocation, MonitorStore } from './types.js';

export interface RevocationWebhookDeps {
  readonly monitors: MonitorStore;
  readonly outbox: WebhookOutbox;
  readonly clock: Clock;
  readonly audit?: { append(event: SecurityEvent): Promise<unknown> };
}

export function revokedWebhook(m: Monitor, rev: MonitorRevocation, at: Date) {
  const id = eventId(m.tenantId, 'certificate.revoked', m.id, m.certificate.serialNumber);
  const data: Record<string, string> = {
    ...(m.sessionId ? { sessionId: m.sessionId } : {}),
    status: 'revoked',
    monitorId: m.id,
    certificateSha256: m.certificate.sha256,
    serialNumber: m.certificate.serialNumber,
    reason: rev.reason,
    reasonMeaning: rev.reasonMeaning,
    revokedAt: rev.revokedAt,
    ...(m.reference !== undefined ? { reference: m.reference } : {}),
  };
  const body: WebhookBody = { id, type: 'certificate.revoked', created: at.toISOString(), data };
  return {
    id,
    tenantId: m.tenantId,
    type: 'certificate.revoked' as const,
    url: m.webhookUrl,
    body: JSON.stringify(body),
    createdAt: body.created,
  };
}

/** Handles one CRL update; resolves with the number of webhooks enqueued. */
export async function onCrlRevocations(deps: RevocationWebhookDeps, e: CrlRevocationsEvent): Promise<number> {
  let enqueued = 0;
  for (const s of e.serials) {
    const monitors = await deps.monitors.find(e.partition, s.serial);
    for (const m of monitors) {
      if (m.status === 'revoked') continue;
      const now = deps.clock.now();
      const rev: MonitorRevocation = {
        reason: s.reason,
        reasonMeaning: REASON_MEANINGS[s.reason],
        revokedAt: s.revokedAt.toISOString(),
        detectedAt: now.toISOString(),
        ...(e.crlNumber !== undefined ? { crlNumber: e.crlNumber.toString() } : {}),
      };
      // Enqueue first (idempotent by id): a crash before markRevoked is repaired by the next event.
      if (await deps.outbox.enqueue(revokedWebhook(m, rev, now), now.getTime())) enqueued++;
      if (await deps.monitors.markRevoked(m.tenantId, m.id, rev))
        await deps.audit?.append({
          type: 'monitor.revoked',
          ids: { tenantId: m.tenantId, monitorId: m.id, reason: s.reason },
        });
    }
  }
  return enqueued;
}
