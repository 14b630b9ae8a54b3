/**
 * loadConfig(env): validates the environment once at boot, reports every problem at once,
 * returns a frozen Config (contract §6). Only src/server.ts passes process.env in. Files the
 * environment names (tenants, trust anchors) are read here too, so their problems are
 * reported with the rest; `io` lets tests hand the contents in.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseVaultKeys } from '../identity/my-number/vault/parse-vault-keys.js';
import type { VaultKeyInput } from '../identity/my-number/vault/key-ring.js';
import { readTenantsFile } from '../tenants/read-tenants-file.js';
import type { Tenant } from '../tenants/types.js';
import { readEvidenceConfig, readWebhookConfig, type EvidenceConfig, type WebhookConfig } from './assurance-config.js';
import { readBaseUrl, readEnum, readInt, readRedisUrl } from './env-values.js';
import { readRevocationConfig, type RevocationConfig } from './revocation-config.js';
import { readTrustAnchors } from './read-trust-anchors.js';

export type GatewayMode = 'sandbox' | 'production';
export type LogLevel = 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug';

export interface Config {
  readonly mode: GatewayMode;
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  /** Base URL clients reach the gateway at (widget URLs, sandbox CRL URLs); no trailing slash. */
  readonly publicUrl: string;
  /** Absent: in-memory stores (one process only). */
  readonly redis?: { readonly url: string; readonly keyPrefix: string };
  readonly tenants: readonly Tenant[];
  /** DER trust anchors from GATEWAY_TRUST_ANCHORS; empty = the bundled J-LIS roots (sandbox: the sandbox roots). */
  readonly trustAnchors: readonly Uint8Array[];
  /** GATEWAY_VAULT_KEYS, first = active. Never logged. */
  readonly vaultKeys: readonly VaultKeyInput[];
  readonly rateLimitPerMinute: number;
  readonly bodyLimitBytes: number;
  readonly requestTimeoutMs: number;
  readonly shutdownTimeoutMs: number;
  /** Worker threads that verify signatures (0: on the event loop). */
  readonly verifyWorkers: number;
  /** Evidence records, retention and the audit chain (GATEWAY_EVIDENCE_*, GATEWAY_AUDIT_WRITER). */
  readonly evidence: EvidenceConfig;
  /** Webhook delivery (GATEWAY_WEBHOOK_*). */
  readonly webhooks: WebhookConfig;
  /** CRL sources and refresh, OCSP, method (GATEWAY_CRL_*, GATEWAY_OCSP_*, GATEWAY_REVOCATION_METHOD). */
  readonly revocation: RevocationConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

export interface ConfigIo {
  readFile(path: string): string;
  readBinary(path: string): Uint8Array;
  /** CPUs this process may use (GATEWAY_VERIFY_WORKERS=auto). */
  cpus(): number;
}

const LOG_LEVELS: readonly LogLevel[] = ['silent', 'fatal', 'error', 'warn', 'info', 'debug'];
const nodeIo: ConfigIo = {
  readFile: (p) => readFileSync(p, 'utf8'),
  readBinary: (p) => readFileSync(p),
  cpus: () => availableParallelism(),
};

/** GATEWAY_VERIFY_WORKERS: 'auto' (default) leaves one CPU to the event loop, at most 8 workers. */
export const MAX_VERIFY_WORKERS = 64;
function readVerifyWorkers(
  env: Readonly<Record<string, string | undefined>>,
  cpus: () => number,
  problems: string[],
): number {
  const raw = env.GATEWAY_VERIFY_WORKERS;
  if (raw === undefined || raw === '' || raw === 'auto') return Math.max(0, Math.min(8, cpus() - 1));
  if (!/^[0-9]{1,2}$/.test(raw) || Number(raw) > MAX_VERIFY_WORKERS) {
    problems.push(`GATEWAY_VERIFY_WORKERS must be auto or an integer 0..${MAX_VERIFY_WORKERS}, got '${raw}'`);
    return 0;
  }
  return Number(raw);
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>, io: ConfigIo = nodeIo): Config {
  const problems: string[] = [];
  const mode = readEnum<GatewayMode>(env, 'GATEWAY_MODE', ['sandbox', 'production'], 'sandbox', problems);
  const port = readInt(env, 'PORT', 8080, 0, 65535, problems);
  const logLevel = readEnum(env, 'LOG_LEVEL', LOG_LEVELS, 'info', problems);
  const publicUrl = readBaseUrl(env, 'GATEWAY_PUBLIC_URL', problems) ?? `http://localhost:${port}`;
  const redisUrl = readRedisUrl(env, problems);
  const keyPrefix = env.REDIS_KEY_PREFIX ?? 'jpki-gateway:';
  if (!/^[A-Za-z0-9:_-]{1,64}$/.test(keyPrefix)) problems.push('REDIS_KEY_PREFIX must be 1–64 of A–Z a–z 0–9 : _ -');

  let tenants: readonly Tenant[] = [];
  if (env.GATEWAY_TENANTS_FILE) {
    const parsed = readTenantsFile(env.GATEWAY_TENANTS_FILE, io.readFile);
    if (parsed.ok) tenants = parsed.tenants;
    else problems.push(...parsed.problems);
  }
  const trust = readTrustAnchors(env.GATEWAY_TRUST_ANCHORS, io.readBinary, mode === 'production');
  problems.push(...trust.problems);

  let vaultKeys: readonly VaultKeyInput[] = [];
  if (env.GATEWAY_VAULT_KEYS) {
    const parsed = parseVaultKeys(env.GATEWAY_VAULT_KEYS);
    if (parsed.ok) vaultKeys = parsed.keys;
    else problems.push(...parsed.problems);
  }

  if (mode === 'production') {
    // contract §6: production refuses to start without trust anchors, tenants and a vault key.
    if (!env.GATEWAY_TENANTS_FILE) problems.push('GATEWAY_MODE=production needs GATEWAY_TENANTS_FILE');
    else if (tenants.length === 0 && !problems.some((p) => p.startsWith('GATEWAY_TENANTS_FILE')))
      problems.push('GATEWAY_MODE=production needs at least one tenant in GATEWAY_TENANTS_FILE');
    if (!env.GATEWAY_VAULT_KEYS) problems.push('GATEWAY_MODE=production needs GATEWAY_VAULT_KEYS');
    if (!env.GATEWAY_PUBLIC_URL) problems.push('GATEWAY_MODE=production needs GATEWAY_PUBLIC_URL');
  }

  const config: Config = {
    mode,
    port,
    host: env.HOST || '0.0.0.0',
    logLevel,
    publicUrl,
    ...(redisUrl ? { redis: Object.freeze({ url: redisUrl, keyPrefix }) } : {}),
    tenants: Object.freeze([...tenants]),
    trustAnchors: Object.freeze([...trust.anchors]),
    vaultKeys: [],
    rateLimitPerMinute: readInt(env, 'GATEWAY_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000, problems),
    bodyLimitBytes: readInt(env, 'GATEWAY_BODY_LIMIT_BYTES', 2 * 1024 * 1024, 1024, 64 * 1024 * 1024, problems),
    requestTimeoutMs: readInt(env, 'GATEWAY_REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000, problems),
    shutdownTimeoutMs: readInt(env, 'GATEWAY_SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000, problems),
    verifyWorkers: readVerifyWorkers(env, io.cpus, problems),
    evidence: readEvidenceConfig(env, problems),
    revocation: readRevocationConfig(env, problems),
    webhooks: readWebhookConfig(env, problems),
  };
  if (problems.length) throw new ConfigError(problems);
  // Key material stays out of JSON.stringify / util.inspect of the config (it is never logged anyway).
  Object.defineProperty(config, 'vaultKeys', { value: Object.freeze([...vaultKeys]), enumerable: false });
  return Object.freeze(config);
}
