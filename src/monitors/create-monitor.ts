/**
 * createMonitor (POST /v1/monitors): for a certificate (base64 DER) or a completed session of
 * the tenant (its signing certificate), notify `webhookUrl` when a CRL update revokes it.
 * Validation is a list of one-check steps, each its own code.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { GatewayError, isGatewayError } from '../errors.js';
import { parseCertificate, type Certificate } from '../pki/certificate.js';
import { toHex } from '../pki/der-values.js';
import { nameToString } from '../pki/name.js';
import { createPartitionResolver } from '../revocation/partitions/resolve-partition.js';
import type { SessionStore } from '../sessions/ports.js';
import { checkWebhookUrl } from '../webhooks/check-webhook-url.js';
import type { Monitor, MonitorStore } from './types.js';

export interface CreateMonitorRequest {
  readonly certificate?: string;
  readonly sessionId?: string;
  readonly webhookUrl: string;
  readonly reference?: string;
}

export interface MonitorDeps {
  readonly monitors: MonitorStore;
  readonly sessions: Pick<SessionStore, 'get'>;
  readonly clock: Clock;
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const newMonitorId = (): string => {
  let out = 'mon_';
  while (out.length < 26) for (const b of randomBytes(32)) if (b < 248 && out.length < 26) out += BASE62[b % 62];
  return out;
};
const resolver = createPartitionResolver();

// The request names exactly one subject (contract: a certificate or a completed session).
function checkSubject(body: CreateMonitorRequest): void {
  if ((body.certificate === undefined) === (body.sessionId === undefined))
    throw new GatewayError('ERR_MONITOR_INPUT', 'give exactly one of certificate or sessionId');
}

// RFC 5280 §4.1: a DER certificate, base64.
function readCertificate(b64: string): Certificate {
  try {
    return parseCertificate(Buffer.from(b64, 'base64'));
  } catch (e) {
    if (isGatewayError(e)) throw new GatewayError('ERR_MONITOR_INPUT', `certificate: ${e.code}`);
    throw e;
  }
}

// 現況確認 needs a finished session with a signing certificate (a pending or failed one has none to watch).
async function sessionCertificate(deps: MonitorDeps, tenantId: string, sessionId: string): Promise<Certificate> {
  const stored = await deps.sessions.get(tenantId, sessionId);
  const r = stored?.record;
  const c = r?.result?.certificate as unknown;
  const der = typeof c === 'string' ? c : (c as { der?: string } | null | undefined)?.der;
  if (!r || r.status !== 'completed' || !der) throw new GatewayError('ERR_MONITOR_SESSION_NOT_COMPLETED');
  return readCertificate(der);
}

// jpki-reference §1: revocation of a JPKI certificate is published in its municipality's CRL partition.
function partitionOf(cert: Certificate): string {
  try {
    return resolver.resolve(cert).partition.id;
  } catch (e) {
    if (isGatewayError(e)) throw new GatewayError('ERR_MONITOR_UNSUPPORTED_CERTIFICATE', e.detail);
    throw e;
  }
}

export async function createMonitor(deps: MonitorDeps, tenantId: string, body: CreateMonitorRequest): Promise<Monitor> {
  checkSubject(body);
  const webhookUrl = checkWebhookUrl(body.webhookUrl);
  if (body.reference !== undefined && (typeof body.reference !== 'string' || body.reference.length > 128))
    throw new GatewayError('ERR_MONITOR_INPUT', 'reference: at most 128 characters');
  const cert =
    body.sessionId !== undefined
      ? await sessionCertificate(deps, tenantId, body.sessionId)
      : readCertificate(body.certificate!);
  const monitor: Monitor = {
    id: newMonitorId(),
    tenantId,
    createdAt: deps.clock.now().toISOString(),
    webhookUrl,
    ...(body.reference !== undefined ? { reference: body.reference } : {}),
    ...(body.sessionId !== undefined ? { sessionId: body.sessionId } : {}),
    certificate: {
      sha256: toHex(cert.sha256()),
      serialNumber: cert.serialHex,
      issuer: nameToString(cert.issuer),
      notAfter: new Date(cert.notAfter).toISOString(),
    },
    partition: partitionOf(cert),
    status: 'active',
  };
  await deps.monitors.insert(monitor);
  return monitor;
}
