/**
 * Production revocation wiring (issue 4): CRL sources from the configuration (drop directory
 * and/or HTTP mirror), the refreshing CRL manager (shared through Redis when configured), and
 * the verifier options that make verification answer from it and from OCSP. Sandbox mode does
 * not use this: its simulated J-LIS publishes CRLs in process.
 */
import type { Redis } from 'ioredis';
import type { Clock } from '../clock.js';
import type { RevocationConfig } from '../config/revocation-config.js';
import { parseCertificate, type Certificate } from '../pki/certificate.js';
import type { CrlEvent } from '../revocation/events/types.js';
import { createCrlManager } from '../revocation/manager/create-crl-manager.js';
import type { CrlManager } from '../revocation/manager/types.js';
import { createRedisSnapshots } from '../revocation/shared/create-redis-snapshots.js';
import { createDirectorySource } from '../revocation/sources/create-directory-source.js';
import { createHttpSource } from '../revocation/sources/create-http-source.js';
import type { CrlSource } from '../revocation/sources/types.js';
import type { VerifierOptions } from '../verifier/types.js';

export interface RevocationWiring {
  readonly sources: readonly CrlSource[];
  readonly manager: CrlManager | undefined;
  /** Spread into createVerifier's options. */
  readonly verifierOptions: Pick<
    VerifierOptions,
    'crlManager' | 'revocation' | 'ocspUrl' | 'ocspMaxAgeMs' | 'clockSkewMs' | 'crlGraceMs'
  >;
  /** Readiness: usable revocation data exists (fail closed while none does). */
  ready(): boolean;
  close(): Promise<void>;
}

export async function createRevocationWiring(o: {
  readonly config: RevocationConfig;
  readonly clock: Clock;
  /** CRL signers: the trust anchors of both purposes (JPKI CRLs are issued by the roots). */
  readonly anchors: readonly Uint8Array[];
  readonly redis: Redis | undefined;
  readonly events: (e: CrlEvent) => void;
}): Promise<RevocationWiring> {
  const c = o.config;
  const sources: CrlSource[] = [];
  if (c.crlDir) {
    sources.push(
      createDirectorySource({
        dir: c.crlDir,
        ...(c.crlFileTemplate ? { template: c.crlFileTemplate } : {}),
        maxBytes: c.crlMaxBytes,
      }),
    );
  }
  if (c.crlUrlTemplate) {
    sources.push(
      createHttpSource({ urlTemplate: c.crlUrlTemplate, timeoutMs: c.crlFetchTimeoutMs, maxBytes: c.crlMaxBytes }),
    );
  }
  const issuers: Certificate[] = o.anchors.map((d) => parseCertificate(d));
  const manager = sources.length
    ? createCrlManager({
        clock: o.clock,
        sources,
        issuers,
        graceMs: c.crlGraceMs,
        refreshIntervalMs: c.crlRefreshIntervalMs,
        retryIntervalMs: c.crlRetryIntervalMs,
        maxCrlBytes: c.crlMaxBytes,
        leaseMs: c.crlLeaseMs,
        partitions: c.crlPartitions,
        ...(o.redis ? { shared: createRedisSnapshots({ redis: o.redis }) } : {}),
        events: o.events,
      })
    : undefined;
  if (manager) await manager.start();
  const usesOcsp = c.method !== 'crl';
  return {
    sources,
    manager,
    verifierOptions: {
      revocation: c.method,
      ...(manager ? { crlManager: manager } : {}),
      ...(c.ocspUrl ? { ocspUrl: c.ocspUrl } : {}),
      ocspMaxAgeMs: c.ocspMaxAgeMs,
      clockSkewMs: c.clockSkewMs,
      crlGraceMs: c.crlGraceMs,
    },
    // OCSP methods can answer without CRLs; the CRL method needs loaded partitions.
    ready: () => (manager ? manager.ready() : false) || usesOcsp,
    close: async () => {
      await manager?.close();
    },
  };
}
