/**
 * Revocation of every certificate of a validated path except the anchor (RFC 5280 §6.3),
 * by the configured method. Fail closed: no applicable, fresh, verified information means
 * ERR_REVOCATION_UNAVAILABLE or the freshness error — never "good".
 *
 * Time rule: a CRL answers for validation time `at` when `at` ≤ nextUpdate + grace. A CRL
 * issued after `at` is accepted (it is newer evidence about `at`); an entry revoked after
 * `at` yields REVOKED_NO_POE because the caller's `at` is a claim, not a proof of existence.
 */
import { GatewayError } from '../errors.js';
import { OID } from '../pki/oids.js';
import type { PathElement } from '../path/index.js';
import { checkRevocation, REASON_MEANINGS, type VerifiedCrl } from '../revocation/crl/index.js';
import type { RevocationFacts } from '../report/types.js';
import type { CrlStore } from './crl-store.js';
import type { OcspChecker, OcspResult } from '../revocation/ocsp/index.js';
import type { CrlAnswerSource, CrlLookupAnswer } from '../revocation/manager/index.js';
import type { RevocationMethod } from './types.js';

export type RevocationOutcome =
  | { readonly ok: true; readonly facts: RevocationFacts }
  | {
      readonly ok: false;
      readonly error: GatewayError;
      readonly facts: RevocationFacts;
      readonly revokedWithoutPoe: boolean;
    };

const iso = (d: Date): string => d.toISOString();

/** Where revocation answers come from: explicit CRLs, the refreshed CRL partitions, OCSP. */
export interface RevocationSources {
  readonly crls: CrlStore;
  readonly crlManager?: CrlAnswerSource | undefined;
  readonly ocsp?: OcspChecker | undefined;
}

type Maybe<T> = T | Promise<T>;

/**
 * Synchronous in the steady state (CRLs bound, partitions loaded); a promise only while a
 * CRL is first scanned or a partition loaded, or when OCSP is asked.
 */
export function checkPathRevocation(
  elements: readonly PathElement[],
  sources: RevocationSources,
  method: RevocationMethod,
  at: number,
): Maybe<RevocationOutcome> {
  const policy = method === 'none' ? 'none (opt-out)' : method;
  if (method === 'none') return { ok: true, facts: { status: 'not_checked', source: 'none', policy } };
  if (method !== 'crl') {
    const ocsp = sources.ocsp;
    if (!ocsp) throw new TypeError('checkPathRevocation: an OCSP method needs an OCSP checker');
    return checkAllWithOcsp(elements, sources, ocsp, method, at);
  }
  const checkedAt = new Date(at).toISOString();
  const results = elements.map((el) => crlOutcome(el, sources, at, policy, checkedAt));
  if (!results.some((r) => r instanceof Promise)) {
    return combine(
      elements.map((el, i) => ({ el, r: results[i] as RevocationOutcome })),
      policy,
      checkedAt,
    );
  }
  return Promise.all(results).then((rs) =>
    combine(
      elements.map((el, i) => ({ el, r: rs[i]! })),
      policy,
      checkedAt,
    ),
  );
}

/**
 * The CRL answer for one certificate: from the refreshed partitions when a manager runs
 * (falling back to explicit CRLs when it has nothing for this certificate), else from the
 * explicit CRLs.
 */
function crlOutcome(
  el: PathElement,
  sources: RevocationSources,
  at: number,
  policy: string,
  checkedAt: string,
): Maybe<RevocationOutcome> {
  const what = el.index === 0 ? 'signer certificate' : `CA certificate ${el.certificate.serialHex}`;
  // RFC 5280 §5.2.6: a certificate pointing at delta CRLs may be revoked in a delta only.
  // Delta CRLs are not supported, so a complete CRL alone cannot say "good": fail closed.
  if (el.certificate.extensions.has(OID.freshestCrl)) {
    return unknownOutcome(
      new GatewayError('ERR_CRL_UNSUPPORTED_SCOPE', `the ${what} names delta CRLs (freshestCRL)`),
      'crl',
      policy,
      checkedAt,
    );
  }
  const fromStore = (): Maybe<RevocationOutcome> =>
    sources.crls.cached(el.issuer)
      ? checkOne(el, sources.crls, at, policy, checkedAt)
      : sources.crls.forIssuer(el.issuer).then(() => checkOne(el, sources.crls, at, policy, checkedAt));
  const manager = sources.crlManager;
  if (!manager) return fromStore();
  const failed = (e: unknown): Maybe<RevocationOutcome> => {
    if (!(e instanceof GatewayError)) throw e;
    return sources.crls.size > 0 ? fromStore() : unknownOutcome(e, 'crl', policy, checkedAt);
  };
  const opts = { at, sameCa: el.issuer.sameCa };
  let answer: CrlLookupAnswer | undefined;
  try {
    answer = manager.peek(el.certificate, el.issuer.certificate, opts);
  } catch (e) {
    return failed(e);
  }
  if (answer) return managerOutcome(answer, what, at, policy, checkedAt);
  return manager
    .lookup(el.certificate, el.issuer.certificate, opts)
    .then((a) => managerOutcome(a, what, at, policy, checkedAt), failed);
}

function managerOutcome(
  a: CrlLookupAnswer,
  what: string,
  at: number,
  policy: string,
  checkedAt: string,
): RevocationOutcome {
  const w = a.watermark;
  const times = {
    thisUpdate: iso(w.thisUpdate),
    nextUpdate: iso(w.nextUpdate),
    ...(w.crlNumber !== undefined ? { crlNumber: w.crlNumber.toString() } : {}),
  };
  if (a.status === 'good') return { ok: true, facts: { status: 'good', source: 'crl', checkedAt, ...times, policy } };
  return {
    ok: false,
    error: new GatewayError('ERR_REVOKED', `${what} revoked at ${iso(a.revokedAt)} (${a.reason})`),
    facts: {
      status: 'revoked',
      source: 'crl',
      reason: a.reason,
      reasonMeaning: REASON_MEANINGS[a.reason],
      revokedAt: iso(a.revokedAt),
      checkedAt,
      ...times,
      policy,
    },
    revokedWithoutPoe: a.revokedAt.getTime() > at,
  };
}

function unknownOutcome(
  error: GatewayError,
  source: 'crl' | 'ocsp' | 'none',
  policy: string,
  checkedAt: string,
): RevocationOutcome {
  return { ok: false, error, facts: { status: 'unknown', source, policy, checkedAt }, revokedWithoutPoe: false };
}

/** The signer's facts, or the first failure (a revoked CA is named in the error, not in the facts). */
function combine(
  results: readonly { el: PathElement; r: RevocationOutcome }[],
  policy: string,
  checkedAt: string,
): RevocationOutcome {
  let leafFacts: RevocationFacts | undefined;
  for (const { el, r } of results) {
    if (!r.ok)
      return el.index === 0 ? r : { ...r, facts: { status: 'unknown', source: r.facts.source, policy, checkedAt } };
    if (el.index === 0) leafFacts = r.facts;
  }
  return { ok: true, facts: leafFacts ?? { status: 'good', source: 'crl', policy, checkedAt } };
}

/**
 * OCSP methods. `ocsp-then-crl`: an OCSP good/revoked/unknown answer is final (unknown is an
 * authorized "not valid", jpki-reference §5); only unusable OCSP falls back to the CRL.
 * `crl-then-ocsp`: a CRL answer (good or revoked) is final; an unusable CRL falls back to OCSP.
 */
async function checkAllWithOcsp(
  elements: readonly PathElement[],
  sources: RevocationSources,
  ocsp: OcspChecker,
  method: 'ocsp' | 'ocsp-then-crl' | 'crl-then-ocsp',
  at: number,
): Promise<RevocationOutcome> {
  const policy = method;
  const checkedAt = new Date(at).toISOString();
  const crl = async (el: PathElement): Promise<RevocationOutcome> => crlOutcome(el, sources, at, policy, checkedAt);
  const viaOcsp = async (el: PathElement): Promise<RevocationOutcome> =>
    ocspOutcome(await ocsp.check(el.certificate, el.issuer.certificate, at), at, policy, checkedAt);
  const final = (r: RevocationOutcome): boolean =>
    r.ok || r.error.code === 'ERR_REVOKED' || r.error.code === 'ERR_OCSP_UNKNOWN';
  const results: { el: PathElement; r: RevocationOutcome }[] = [];
  for (const el of elements) {
    let r: RevocationOutcome;
    if (method === 'ocsp') r = await viaOcsp(el);
    else if (method === 'ocsp-then-crl') {
      r = await viaOcsp(el);
      if (!final(r)) r = await crl(el);
    } else {
      r = await crl(el);
      if (!r.ok && r.error.code !== 'ERR_REVOKED') r = await viaOcsp(el);
    }
    results.push({ el, r });
    if (!r.ok) break;
  }
  return combine(results, policy, checkedAt);
}

function ocspOutcome(res: OcspResult, at: number, policy: string, checkedAt: string): RevocationOutcome {
  if (res.status === 'error') {
    return {
      ok: false,
      error: res.error,
      facts: { status: 'unknown', source: 'ocsp', policy, checkedAt },
      revokedWithoutPoe: false,
    };
  }
  const times = {
    thisUpdate: iso(res.thisUpdate),
    ...(res.nextUpdate ? { nextUpdate: iso(res.nextUpdate) } : {}),
  };
  if (res.status === 'good') {
    return { ok: true, facts: { status: 'good', source: 'ocsp', checkedAt, ...times, policy } as RevocationFacts };
  }
  return {
    ok: false,
    error: new GatewayError('ERR_REVOKED', `revoked at ${iso(res.revokedAt)} (${res.reason}), OCSP`),
    facts: {
      status: 'revoked',
      source: 'ocsp',
      reason: res.reason,
      reasonMeaning: REASON_MEANINGS[res.reason],
      revokedAt: iso(res.revokedAt),
      checkedAt,
      ...times,
      policy,
    } as RevocationFacts,
    revokedWithoutPoe: res.revokedAt.getTime() > at,
  };
}

/** CRL answer for one certificate; the issuer's CRLs must already be bound (see forIssuer). */
function checkOne(el: PathElement, store: CrlStore, at: number, policy: string, checkedAt: string): RevocationOutcome {
  const unknown = (error: GatewayError, source: 'crl' | 'ocsp' | 'none' = 'none'): RevocationOutcome => ({
    ok: false,
    error,
    facts: { status: 'unknown', source, policy, checkedAt },
    revokedWithoutPoe: false,
  });
  const what = el.index === 0 ? 'signer certificate' : `CA certificate ${el.certificate.serialHex}`;
  const bound = store.cached(el.issuer);
  if (!bound) throw new TypeError('checkOne: CRLs of the issuer are not bound yet');
  const { crls, refusals } = bound;
  if (crls.length === 0) {
    return unknown(
      refusals[0] ?? new GatewayError('ERR_REVOCATION_UNAVAILABLE', `no CRL for the issuer of the ${what}`),
    );
  }
  const applicable: VerifiedCrl[] = [];
  let scopeError: GatewayError | undefined;
  for (const crl of crls) {
    try {
      checkRevocation(crl, el.certificate.serial, el.certificate.crlDistributionPoints ?? [], {
        isCa: el.certificate.basicConstraints?.ca ?? false,
      });
      applicable.push(crl);
    } catch (e) {
      if (!(e instanceof GatewayError)) throw e;
      scopeError = e;
    }
  }
  if (applicable.length === 0) {
    return unknown(
      scopeError ?? new GatewayError('ERR_REVOCATION_UNAVAILABLE', `no applicable CRL for the ${what}`),
      'crl',
    );
  }
  // Revocation is final (JPKI never releases a hold): any verified CRL listing it decides.
  for (const crl of applicable) {
    const hit = crl.index.lookup(el.certificate.serial);
    if (!hit.revoked) continue;
    const noPoe = hit.revokedAt.getTime() > at;
    return {
      ok: false,
      error: new GatewayError('ERR_REVOKED', `${what} revoked at ${iso(hit.revokedAt)} (${hit.reason})`),
      facts: {
        status: 'revoked',
        source: 'crl',
        reason: hit.reason,
        reasonMeaning: REASON_MEANINGS[hit.reason],
        revokedAt: iso(hit.revokedAt),
        checkedAt,
        ...crlFacts(crl),
        policy,
      },
      revokedWithoutPoe: noPoe,
    };
  }
  const fresh = applicable
    .filter((c) => at <= c.nextUpdate.getTime() + c.freshnessGraceMs)
    .sort((a, b) => b.thisUpdate.getTime() - a.thisUpdate.getTime());
  const best = fresh[0];
  if (!best) {
    const newest = applicable.reduce((a, b) => (a.nextUpdate > b.nextUpdate ? a : b));
    return unknown(
      new GatewayError('ERR_CRL_STALE', `newest CRL for the ${what} expired ${iso(newest.nextUpdate)}`),
      'crl',
    );
  }
  return { ok: true, facts: { status: 'good', source: 'crl', checkedAt, ...crlFacts(best), policy } };
}

type CrlFacts = { readonly thisUpdate: string; readonly nextUpdate: string; readonly crlNumber?: string };
const crlFactsCache = new WeakMap<VerifiedCrl, CrlFacts>();

/** A CRL's facts for the report; formatted once per CRL, not per verification. */
function crlFacts(crl: VerifiedCrl): CrlFacts {
  let f = crlFactsCache.get(crl);
  if (!f) {
    f = Object.freeze({
      thisUpdate: iso(crl.thisUpdate),
      nextUpdate: iso(crl.nextUpdate),
      ...(crl.crlNumber !== undefined ? { crlNumber: crl.crlNumber.toString() } : {}),
    });
    crlFactsCache.set(crl, f);
  }
  return f;
}
