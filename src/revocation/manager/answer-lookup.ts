/**
 * answerLookup: the verification-path lookup against a loaded partition — a few map hits and
 * one index search (≈ 1 µs at 5M entries). Freshness, issuer binding and scope are checked on
 * every call, their costly parts cached per served CRL. Fail closed: any doubt is a coded error.
 */
import { createHash } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import type { Certificate } from '../../pki/certificate.js';
import { namesEqual, parseNameDer } from '../../pki/name.js';
import type { ResolvedPartition } from '../partitions/resolve-partition.js';
import type { Serving } from './partition-state.js';
import type { CrlLookupAnswer, CrlLookupOptions } from './types.js';

const spkiHashes = new WeakMap<Certificate, string>();

function keyHash(cert: Certificate): string {
  let h = spkiHashes.get(cert);
  if (h === undefined) {
    h = createHash('sha256').update(cert.spki).digest('hex');
    spkiHashes.set(cert, h);
  }
  return h;
}

/** RFC 5280 §6.3.3 (f): the CRL must be issued by the certificate's issuer, by name and key. */
function issuedBy(s: Serving, issuer: Certificate): boolean {
  let ok = s.issuers.get(issuer);
  if (ok === undefined) {
    ok = keyHash(issuer) === s.crl.signerKeyHash && namesEqual(s.issuerName, issuer.subject);
    s.issuers.set(issuer, ok);
  }
  return ok;
}

function checkIssuer(s: Serving, issuer: Certificate, sameCa: readonly Certificate[] | undefined): void {
  if (issuedBy(s, issuer)) return;
  // Key rollover: another validated key of the same CA may sign its CRLs (§6.3.3 (f)).
  if (sameCa?.some((c) => namesEqual(c.subject, issuer.subject) && issuedBy(s, c))) return;
  throw new GatewayError('ERR_CRL_ISSUER_MISMATCH', `partition ${s.crl.watermark.partition} CRL is not by this issuer`);
}

/** RFC 5280 §6.3.3 (b)(2): the CRL's issuingDistributionPoint must name the certificate's DP. */
function covers(s: Serving, r: ResolvedPartition, isCa: boolean): boolean {
  const idp = s.crl.idp;
  if (!idp) return true;
  const key = isCa ? `${r.dpKey}\u0001` : r.dpKey;
  let ok = s.scope.get(key);
  if (ok === undefined) {
    ok =
      !(idp.onlyContainsUserCerts && isCa) &&
      !(idp.onlyContainsCACerts && !isCa) &&
      ((idp.directoryNames.length === 0 && idp.uris.length === 0) ||
        r.dpNames.some((dp) => {
          try {
            const n = parseNameDer(dp);
            return idp.directoryNames.some((d) => namesEqual(parseNameDer(d), n));
          } catch {
            return false;
          }
        }));
    if (s.scope.size > 10_000) s.scope.clear();
    s.scope.set(key, ok);
  }
  return ok;
}

/** The validation time of a lookup in ms (the caller's `at`, else now). */
export function lookupTime(opts: CrlLookupOptions | undefined, now: () => number): number {
  const at = opts?.at;
  return at === undefined ? now() : typeof at === 'number' ? at : at.getTime();
}

/** `at`: the validation time (lookupTime). */
export function answerLookup(
  s: Serving,
  r: ResolvedPartition,
  cert: Certificate,
  issuer: Certificate,
  sameCa: readonly Certificate[] | undefined,
  at: number,
): CrlLookupAnswer {
  // RFC 5280 §6.3.3 (a)(2): past nextUpdate (+ the configured refresh grace) nothing is known.
  if (!(at <= s.deadline)) {
    throw new GatewayError(
      'ERR_CRL_STALE',
      `partition ${s.crl.watermark.partition}: nextUpdate ${s.crl.watermark.nextUpdate.toISOString()} passed`,
    );
  }
  checkIssuer(s, issuer, sameCa);
  if (!covers(s, r, cert.basicConstraints?.ca ?? false)) {
    throw new GatewayError('ERR_CRL_UNSUPPORTED_SCOPE', `partition ${s.crl.watermark.partition} does not cover it`);
  }
  const hit = s.crl.index.lookup(cert.serial);
  if (!hit.revoked) return s.good;
  return hit.invalidityDate
    ? {
        status: 'revoked',
        reason: hit.reason,
        revokedAt: hit.revokedAt,
        invalidityDate: hit.invalidityDate,
        watermark: s.crl.watermark,
      }
    : { status: 'revoked', reason: hit.reason, revokedAt: hit.revokedAt, watermark: s.crl.watermark };
}
