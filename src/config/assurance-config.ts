/**
 * Configuration of evidence, the audit chain and webhook delivery (issue 6), read by
 * loadConfig with every other variable and reported with them:
 *   GATEWAY_EVIDENCE_DIR                 evidence records, archived CRLs, deletion records, audit chain
 *                                        (absent: in memory — sandbox only; production refuses to start)
 *   GATEWAY_EVIDENCE_RETENTION_YEARS     default 7 (犯収法 確認記録)
 *   GATEWAY_EVIDENCE_PURGE_INTERVAL_MS   how often expired records are purged, default 1 h
 *   GATEWAY_AUDIT_WRITER                 this replica's audit chain id, default the host name
 *   GATEWAY_WEBHOOK_TIMEOUT_MS           per attempt (connect + answer), default 10 s
 *   GATEWAY_WEBHOOK_MAX_ATTEMPTS         then the dead-letter list, default 8
 *   GATEWAY_WEBHOOK_BACKOFF_BASE_MS      first retry delay ceiling, doubled per attempt, default 5 s
 *   GATEWAY_WEBHOOK_BACKOFF_MAX_MS       retry delay ceiling, default 1 h
 *   GATEWAY_WEBHOOK_MAX_RESPONSE_BYTES   receiver answers larger than this fail, default 64 KiB
 *   GATEWAY_WEBHOOK_CONCURRENCY          events attempted at once per replica, default 16
 */
import { isAbsolute } from 'node:path';
import { readInt } from './env-values.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface EvidenceConfig {
  readonly dir?: string;
  readonly retentionYears: number;
  readonly purgeIntervalMs: number;
  readonly auditWriter?: string;
}

export interface WebhookConfig {
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxResponseBytes: number;
  readonly concurrency: number;
}

export function readEvidenceConfig(env: Env, problems: string[]): EvidenceConfig {
  const dir = env.GATEWAY_EVIDENCE_DIR || undefined;
  if (dir !== undefined && !isAbsolute(dir)) problems.push('GATEWAY_EVIDENCE_DIR must be an absolute path');
  const writer = env.GATEWAY_AUDIT_WRITER || undefined;
  if (writer !== undefined && !/^(?!\.)[A-Za-z0-9._-]{1,64}$/.test(writer))
    problems.push('GATEWAY_AUDIT_WRITER must be 1–64 of A–Z a–z 0–9 . _ - (not starting with a dot)');
  return Object.freeze({
    ...(dir ? { dir } : {}),
    retentionYears: readInt(env, 'GATEWAY_EVIDENCE_RETENTION_YEARS', 7, 1, 100, problems),
    purgeIntervalMs: readInt(env, 'GATEWAY_EVIDENCE_PURGE_INTERVAL_MS', 3_600_000, 1000, 7 * 86_400_000, problems),
    ...(writer ? { auditWriter: writer } : {}),
  });
}

export function readWebhookConfig(env: Env, problems: string[]): WebhookConfig {
  const c = {
    timeoutMs: readInt(env, 'GATEWAY_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000, problems),
    maxAttempts: readInt(env, 'GATEWAY_WEBHOOK_MAX_ATTEMPTS', 8, 1, 50, problems),
    baseDelayMs: readInt(env, 'GATEWAY_WEBHOOK_BACKOFF_BASE_MS', 5_000, 10, 3_600_000, problems),
    maxDelayMs: readInt(env, 'GATEWAY_WEBHOOK_BACKOFF_MAX_MS', 3_600_000, 10, 7 * 86_400_000, problems),
    maxResponseBytes: readInt(env, 'GATEWAY_WEBHOOK_MAX_RESPONSE_BYTES', 64 * 1024, 0, 16 * 1024 * 1024, problems),
    concurrency: readInt(env, 'GATEWAY_WEBHOOK_CONCURRENCY', 16, 1, 256, problems),
  };
  if (c.maxDelayMs < c.baseDelayMs)
    problems.push('GATEWAY_WEBHOOK_BACKOFF_MAX_MS must not be below GATEWAY_WEBHOOK_BACKOFF_BASE_MS');
  return Object.freeze(c);
}
