/**
 * Configuration of revocation (issue 4), read by loadConfig with every other variable:
 *   GATEWAY_CRL_DIR                  drop directory of CRL files (absolute path)
 *   GATEWAY_CRL_FILE_TEMPLATE        file name inside it, default {purpose}/{prefecture}/{municipality}.crl
 *   GATEWAY_CRL_URL_TEMPLATE         HTTP mirror, e.g. https://mirror.example/{purpose}/{prefecture}/{municipality}.crl
 *   GATEWAY_CRL_FETCH_TIMEOUT_MS     whole download, default 120000
 *   GATEWAY_CRL_MAX_BYTES            largest CRL accepted, default 536870912 (512 MiB)
 *   GATEWAY_CRL_GRACE_MS             CRL still answers this long after nextUpdate (J-LIS refresh window), default 600000
 *   GATEWAY_CRL_REFRESH_INTERVAL_MS  per partition, default 900000
 *   GATEWAY_CRL_RETRY_INTERVAL_MS    after a failed refresh, default 60000
 *   GATEWAY_CRL_LEASE_MS             one replica fetches a partition at a time (Redis lease), default 120000
 *   GATEWAY_CRL_PARTITIONS           comma-separated partition ids to preload (signing/tokyo-to/chiyoda-ku, …)
 *   GATEWAY_REVOCATION_METHOD        crl (default) | ocsp | ocsp-then-crl | crl-then-ocsp
 *   GATEWAY_OCSP_URL                 responder URL for every certificate (else the certificate's AIA)
 *   GATEWAY_OCSP_MAX_AGE_MS          oldest acceptable OCSP answer, default 3600000
 *   GATEWAY_CLOCK_SKEW_MS            allowed skew for OCSP times, default 300000
 */
import { isAbsolute } from 'node:path';
import { readBaseUrl, readEnum, readInt } from './env-values.js';

type Env = Readonly<Record<string, string | undefined>>;

export type RevocationMethodSetting = 'crl' | 'ocsp' | 'ocsp-then-crl' | 'crl-then-ocsp';

export interface RevocationConfig {
  readonly method: RevocationMethodSetting;
  readonly crlDir?: string;
  readonly crlFileTemplate?: string;
  readonly crlUrlTemplate?: string;
  readonly crlFetchTimeoutMs: number;
  readonly crlMaxBytes: number;
  readonly crlGraceMs: number;
  readonly crlRefreshIntervalMs: number;
  readonly crlRetryIntervalMs: number;
  readonly crlLeaseMs: number;
  readonly crlPartitions: readonly string[];
  readonly ocspUrl?: string;
  readonly ocspMaxAgeMs: number;
  readonly clockSkewMs: number;
}

const PARTITION = /^(signing|authentication)\/[a-z0-9-]+\/[a-z0-9-]+$/;

export function readRevocationConfig(env: Env, problems: string[]): RevocationConfig {
  const method = readEnum<RevocationMethodSetting>(
    env,
    'GATEWAY_REVOCATION_METHOD',
    ['crl', 'ocsp', 'ocsp-then-crl', 'crl-then-ocsp'],
    'crl',
    problems,
  );
  const crlDir = env.GATEWAY_CRL_DIR || undefined;
  if (crlDir !== undefined && !isAbsolute(crlDir)) problems.push('GATEWAY_CRL_DIR must be an absolute path');
  const crlUrlTemplate = env.GATEWAY_CRL_URL_TEMPLATE || undefined;
  if (crlUrlTemplate !== undefined && !/^https?:\/\//.test(crlUrlTemplate)) {
    problems.push('GATEWAY_CRL_URL_TEMPLATE must be an http(s) URL template');
  }
  const partitions = (env.GATEWAY_CRL_PARTITIONS ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const p of partitions)
    if (!PARTITION.test(p)) problems.push(`GATEWAY_CRL_PARTITIONS: '${p}' is not purpose/prefecture/municipality`);
  const ocspUrl = readBaseUrl(env, 'GATEWAY_OCSP_URL', problems);
  return {
    method,
    ...(crlDir ? { crlDir } : {}),
    ...(env.GATEWAY_CRL_FILE_TEMPLATE ? { crlFileTemplate: env.GATEWAY_CRL_FILE_TEMPLATE } : {}),
    ...(crlUrlTemplate ? { crlUrlTemplate } : {}),
    crlFetchTimeoutMs: readInt(env, 'GATEWAY_CRL_FETCH_TIMEOUT_MS', 120_000, 1_000, 3_600_000, problems),
    crlMaxBytes: readInt(env, 'GATEWAY_CRL_MAX_BYTES', 536_870_912, 1024, 4_294_967_296, problems),
    crlGraceMs: readInt(env, 'GATEWAY_CRL_GRACE_MS', 600_000, 0, 86_400_000, problems),
    crlRefreshIntervalMs: readInt(env, 'GATEWAY_CRL_REFRESH_INTERVAL_MS', 900_000, 10_000, 86_400_000, problems),
    crlRetryIntervalMs: readInt(env, 'GATEWAY_CRL_RETRY_INTERVAL_MS', 60_000, 1_000, 3_600_000, problems),
    crlLeaseMs: readInt(env, 'GATEWAY_CRL_LEASE_MS', 120_000, 5_000, 3_600_000, problems),
    crlPartitions: partitions,
    ...(ocspUrl ? { ocspUrl } : {}),
    ocspMaxAgeMs: readInt(env, 'GATEWAY_OCSP_MAX_AGE_MS', 3_600_000, 1_000, 7 * 86_400_000, problems),
    clockSkewMs: readInt(env, 'GATEWAY_CLOCK_SKEW_MS', 300_000, 0, 3_600_000, problems),
  };
}
