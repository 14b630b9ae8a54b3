/**
 * createOcspChecker: the verb the verifier calls for one certificate and its issuing CA.
 * Request (nonce, CertID) → POST to the configured or AIA responder → verifyOcspResponse →
 * bounded cache of good and revoked answers until min(nextUpdate, thisUpdate + maxAge,
 * cacheMaxMs after fetching); concurrent checks of one certificate share one request.
 *
 * Contract: `check` never rejects because of the responder or the network — every such
 * failure is an ERR_OCSP_* GatewayError inside `{ status: 'error' }` (an unexpected exception
 * becomes ERR_INTERNAL there: fail closed). It rejects with TypeError for caller bugs only.
 * Failures are not cached: the next check asks again.
 */
import type { Clock } from '../../clock.js';
import { GatewayError, type ErrorCode } from '../../errors.js';
import type { Certificate } from '../../pki/certificate.js';
import { toHex } from '../../pki/der-values.js';
import { buildOcspRequest } from './build-ocsp-request.js';
import { keyHashSha1 } from './cert-id.js';
import { fetchOcsp } from './fetch-ocsp.js';
import { OcspCache } from './ocsp-cache.js';
import {
  DEFAULT_RESPONDER,
  resolveResponder,
  type OcspResponderConfig,
  type ResolvedResponder,
} from './responder-config.js';
import type { OcspResult, VerifiedOcspResponse } from './types.js';
import { checkOcspTimes, verifyOcspResponse, type OcspTimePolicy } from './verify-ocsp-response.js';

export const DEFAULT_OCSP_MAX_AGE_MS = 60 * 60_000;
export const DEFAULT_OCSP_SKEW_MS = 5 * 60_000;
export const DEFAULT_OCSP_CACHE_SIZE = 10_000;

export interface OcspCheckEvent {
  readonly url: string | undefined;
  readonly outcome: 'good' | 'revoked' | ErrorCode;
  readonly fromCache: boolean;
  /** Wall time of the check (network included on a miss), for latency metrics. */
  readonly durationMs: number;
}

export interface OcspCheckerOptions {
  readonly clock: Clock;
  readonly responders?: readonly OcspResponderConfig[];
  /** Oldest acceptable thisUpdate, relative to max(now, validation time). Default 1 h. */
  readonly maxAgeMs?: number;
  /** Allowed clock difference with responders. Default 5 min. */
  readonly skewMs?: number;
  /** Cached answers (LRU); 0 disables the cache. Default 10 000. */
  readonly cacheSize?: number;
  /** Longest time an answer is served from the cache. Default maxAgeMs. */
  readonly cacheMaxMs?: number;
  /** Called once per check (metrics: latency, errors, cache hits). Must not throw. */
  readonly observer?: (event: OcspCheckEvent) => void;
}

export interface OcspChecker {
  /** Status of `cert` (issued by `issuer`) for validation time `at` (ms since the epoch). */
  check(cert: Certificate, issuer: Certificate, at: number): Promise<OcspResult>;
}

type Answer = VerifiedOcspResponse & { readonly url: string; readonly fromCache: boolean };

const nonNegative = (v: number | undefined, what: string, dflt: number): number => {
  if (v === undefined) return dflt;
  if (!Number.isSafeInteger(v) || v < 0) throw new TypeError(`${what} must be a non-negative integer`);
  return v;
};

export function createOcspChecker(options: OcspCheckerOptions): OcspChecker {
  if (!options?.clock || typeof options.clock.now !== 'function') throw new TypeError('clock is required');
  const { clock, observer } = options;
  const maxAgeMs = nonNegative(options.maxAgeMs, 'maxAgeMs', DEFAULT_OCSP_MAX_AGE_MS);
  const skewMs = nonNegative(options.skewMs, 'skewMs', DEFAULT_OCSP_SKEW_MS);
  const cacheMaxMs = nonNegative(options.cacheMaxMs, 'cacheMaxMs', maxAgeMs);
  const responders = (options.responders ?? []).map(resolveResponder);
  const cache = new OcspCache<Answer>(nonNegative(options.cacheSize, 'cacheSize', DEFAULT_OCSP_CACHE_SIZE));
  const inFlight = new Map<string, Promise<OcspResult>>();
  const issuerKeys = new WeakMap<Certificate, string>();

  const policy = (at: number): OcspTimePolicy => ({ now: clock.now().getTime(), at, skewMs, maxAgeMs });

  /** Still fresh for this caller's time (a cached or shared answer was checked for another). */
  const stillFresh = (a: Answer, at: number): boolean => {
    try {
      const t = { producedAt: +a.producedAt, thisUpdate: +a.thisUpdate, nextUpdate: a.nextUpdate && +a.nextUpdate };
      checkOcspTimes(t, policy(at));
      return true;
    } catch {
      return false;
    }
  };

  async function fetchAndVerify(cert: Certificate, issuer: Certificate, at: number, key: string): Promise<OcspResult> {
    const r = responders.find((x) => x.matches(issuer)) ?? DEFAULT_RESPONDER;
    const url = pickUrl(r, cert);
    try {
      if (!url) throw new GatewayError('ERR_OCSP_UNAVAILABLE', 'no responder URL (none configured, none in AIA)');
      const request = buildOcspRequest(cert, issuer, { certIdHash: r.certIdHash, nonce: r.nonce });
      const der = await fetchOcsp(url, request.der, r);
      const p = policy(at);
      const verified = verifyOcspResponse(der, {
        ...p,
        request: request.context,
        issuer,
        ...(r.pinned ? { pinnedResponder: r.pinned } : {}),
      });
      const expiresAt = Math.min(
        verified.nextUpdate?.getTime() ?? Infinity,
        verified.thisUpdate.getTime() + maxAgeMs,
        p.now + cacheMaxMs,
      );
      cache.set(key, Object.freeze({ ...verified, url, fromCache: true }), expiresAt);
      return { ...verified, url, fromCache: false };
    } catch (e) {
      const error = e instanceof GatewayError ? e : new GatewayError('ERR_INTERNAL', String(e), { cause: e });
      return { status: 'error', error, url };
    }
  }

  async function check(cert: Certificate, issuer: Certificate, at: number): Promise<OcspResult> {
    if (!cert?.serial || !issuer?.spki) throw new TypeError('check(cert, issuer, at) needs parsed certificates');
    if (!Number.isFinite(at)) throw new TypeError('at must be a time in milliseconds');
    const started = observer ? performance.now() : 0;
    let issuerKey = issuerKeys.get(issuer);
    if (issuerKey === undefined) issuerKeys.set(issuer, (issuerKey = toHex(keyHashSha1(issuer))));
    const key = `${issuerKey}:${cert.serialHex}`;
    const now = clock.now().getTime();
    const hit = cache.get(key, now);
    let result: OcspResult;
    if (hit && stillFresh(hit.value, at)) result = hit.value;
    else {
      let shared = inFlight.get(key);
      const joined = shared !== undefined;
      if (!shared) {
        shared = fetchAndVerify(cert, issuer, at, key).finally(() => inFlight.delete(key));
        inFlight.set(key, shared);
      }
      result = await shared;
      if (joined && result.status !== 'error' && !stillFresh(result, at)) {
        result = {
          status: 'error',
          error: new GatewayError('ERR_OCSP_STALE', 'for this validation time'),
          url: result.url,
        };
      }
    }
    if (observer) report(observer, result, started);
    return result;
  }

  return Object.freeze({ check });
}

/** Metrics must never change an answer: an observer that throws is ignored. */
function report(observer: (e: OcspCheckEvent) => void, result: OcspResult, started: number): void {
  try {
    const outcome = result.status === 'error' ? result.error.code : result.status;
    observer({
      url: result.url,
      outcome,
      fromCache: result.status !== 'error' && result.fromCache,
      durationMs: performance.now() - started,
    });
  } catch {
    // ignored on purpose
  }
}

function pickUrl(r: ResolvedResponder, cert: Certificate): string | undefined {
  if (r.url) return r.url;
  return cert.ocspUrls.find((u) => /^https?:\/\//i.test(u)) ?? cert.ocspUrls[0];
}
