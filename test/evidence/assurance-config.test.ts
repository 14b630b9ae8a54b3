/** The evidence / audit / webhook variables: defaults, every problem reported with the others. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    return [...(e as ConfigError).problems];
  }
  return [];
}

describe('evidence and webhook configuration', () => {
  it('defaults: memory evidence, 7 years, hourly purge; 10 s, 8 attempts, 5 s…1 h backoff, 64 KiB, 16 at once', () => {
    const c = loadConfig({});
    expect(c.evidence).toEqual({ retentionYears: 7, purgeIntervalMs: 3_600_000 });
    expect(c.webhooks).toEqual({
      timeoutMs: 10_000,
      maxAttempts: 8,
      baseDelayMs: 5_000,
      maxDelayMs: 3_600_000,
      maxResponseBytes: 65_536,
      concurrency: 16,
    });
  });

  it('reads every variable', () => {
    const c = loadConfig({
      GATEWAY_EVIDENCE_DIR: '/var/lib/jpki/evidence',
      GATEWAY_EVIDENCE_RETENTION_YEARS: '10',
      GATEWAY_EVIDENCE_PURGE_INTERVAL_MS: '60000',
      GATEWAY_AUDIT_WRITER: 'gw-0',
      GATEWAY_WEBHOOK_TIMEOUT_MS: '3000',
      GATEWAY_WEBHOOK_MAX_ATTEMPTS: '5',
      GATEWAY_WEBHOOK_BACKOFF_BASE_MS: '1000',
      GATEWAY_WEBHOOK_BACKOFF_MAX_MS: '600000',
      GATEWAY_WEBHOOK_MAX_RESPONSE_BYTES: '1024',
      GATEWAY_WEBHOOK_CONCURRENCY: '4',
    });
    expect(c.evidence).toEqual({
      dir: '/var/lib/jpki/evidence',
      retentionYears: 10,
      purgeIntervalMs: 60_000,
      auditWriter: 'gw-0',
    });
    expect(c.webhooks).toMatchObject({ timeoutMs: 3000, maxAttempts: 5, maxResponseBytes: 1024, concurrency: 4 });
  });

  it('reports every bad value at once', () => {
    const p = problems({
      GATEWAY_EVIDENCE_DIR: 'relative/dir',
      GATEWAY_EVIDENCE_RETENTION_YEARS: '0',
      GATEWAY_AUDIT_WRITER: '../x',
      GATEWAY_WEBHOOK_TIMEOUT_MS: 'soon',
      GATEWAY_WEBHOOK_MAX_ATTEMPTS: '0',
      GATEWAY_WEBHOOK_BACKOFF_BASE_MS: '5000',
      GATEWAY_WEBHOOK_BACKOFF_MAX_MS: '100',
    });
    for (const v of [
      'GATEWAY_EVIDENCE_DIR',
      'GATEWAY_EVIDENCE_RETENTION_YEARS',
      'GATEWAY_AUDIT_WRITER',
      'GATEWAY_WEBHOOK_TIMEOUT_MS',
      'GATEWAY_WEBHOOK_MAX_ATTEMPTS',
      'GATEWAY_WEBHOOK_BACKOFF_MAX_MS',
    ])
      expect(
        p.some((x) => x.startsWith(v)),
        v,
      ).toBe(true);
    expect(p).toHaveLength(6);
  });
});
