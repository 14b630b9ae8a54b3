/**
 * Bounded depth-first path building from the leaf up (RFC 4158 ideas, RFC 5280 §6.1 checks).
 * Candidates for "who issued this": anchors first (shortest paths), then intermediates; each
 * group by subject name OR key identifier, ordered so the AKI keyIdentifier match comes first,
 * then unknown key ids, then mismatches ("by key id, then by which key verifies").
 * Every signature evaluation (cached or not, so results never depend on cache state) and every
 * candidate step is charged to a budget; the path in progress never repeats a certificate, so
 * cycles and duplicates cannot loop. When no path passes, the error of the best candidate is
 * thrown: a complete path that failed a check beats a failed signature, which beats "too deep",
 * which beats "nothing chains at all" (ERR_PATH_NOT_FOUND).
 */
import { GatewayError, isGatewayError } from '../errors.js';
import type { Certificate } from '../pki/certificate.js';
import { bytesEqual, toHex } from '../pki/der-values.js';
import { namesEqual } from '../pki/name.js';
import { nameKey, type TrustStore } from '../trust/create-trust-store.js';
import { spkiHash, type TrustAnchor } from '../trust/trust-anchor.js';
import { verifyCertificateSignature } from './signature-cache.js';
import type { CandidatePath, PathCheck } from './types.js';

export const MAX_SIGNATURE_CHECKS = 64;
export const MAX_SEARCH_STEPS = 512;
export const MAX_INTERMEDIATES = 256;

export interface FindPathOptions {
  readonly leaf: Certificate;
  readonly intermediates: readonly Certificate[];
  readonly anchors: TrustStore;
  readonly maxDepth: number;
  readonly checks: readonly PathCheck[];
  readonly at: number;
}

export type FindPathResult =
  | { readonly status: 'found'; readonly path: CandidatePath }
  | { readonly status: 'failed'; readonly error: GatewayError };

const RANK_TOO_DEEP = 1;
const RANK_LINK = 100; // + depth: a failure further up means more links verified
const RANK_COMPLETE = 1000;

/** Orders candidate issuers: AKI keyIdentifier = SKI first, then unknown key ids, then mismatches. */
function byKeyIdMatch<T>(cert: Certificate, items: readonly T[], certOf: (t: T) => Certificate): T[] {
  const aki = cert.authorityKeyId?.keyId;
  const score = (t: T): number => {
    const ski = certOf(t).subjectKeyId;
    if (aki && ski) return bytesEqual(aki, ski) ? 0 : 2;
    return 1;
  };
  const unique = items.length < 2 ? [...items] : [...new Set(items)];
  return unique.length < 2 ? unique : unique.sort((a, b) => score(a) - score(b)); // stable within a score
}

/** Issuer candidates among the anchors: the store's own subject and key-id indexes. */
function anchorIssuers(store: TrustStore, cert: Certificate): TrustAnchor[] {
  const aki = cert.authorityKeyId?.keyId;
  const keyed = aki ? store.byKeyId(aki) : [];
  return byKeyIdMatch(cert, [...keyed, ...store.bySubject(cert.issuer)], (a) => a.certificate);
}

/** Per-call index of the untrusted intermediates by subject name and key id. */
class IntermediateIndex {
  private readonly byName = new Map<string, Certificate[]>();
  private readonly byKeyId = new Map<string, Certificate[]>();
  constructor(items: Iterable<Certificate>) {
    for (const c of items) {
      push(this.byName, nameKey(c.subject), c);
      if (c.subjectKeyId) push(this.byKeyId, toHex(c.subjectKeyId), c);
    }
  }
  issuersOf(cert: Certificate): Certificate[] {
    const named = (this.byName.get(nameKey(cert.issuer)) ?? []).filter((c) => namesEqual(c.subject, cert.issuer));
    const aki = cert.authorityKeyId?.keyId;
    const keyed = aki ? (this.byKeyId.get(toHex(aki)) ?? []) : [];
    return byKeyIdMatch(cert, [...keyed, ...named], (c) => c);
  }
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

class SearchLimit extends Error {}

export function findPath(opts: FindPathOptions): FindPathResult {
  const { leaf, anchors, maxDepth, checks, at } = opts;
  const unique = new Map<string, Certificate>();
  for (const c of opts.intermediates) unique.set(toHex(c.sha256()), c);
  unique.delete(toHex(leaf.sha256()));
  if (unique.size > MAX_INTERMEDIATES) {
    return { status: 'failed', error: new GatewayError('ERR_PATH_SEARCH_LIMIT', `${unique.size} intermediates`) };
  }
  const interIndex = new IntermediateIndex(unique.values());
  let signatures = 0;
  let steps = 0;
  let best: { error: GatewayError; rank: number } | undefined;
  const selfSigned = new Map<Certificate, boolean>();

  const spend = (signature: boolean): void => {
    steps += 1;
    if (signature) signatures += 1;
    if (signatures > MAX_SIGNATURE_CHECKS || steps > MAX_SEARCH_STEPS) throw new SearchLimit();
  };
  const record = (e: unknown, rank: number): void => {
    if (!isGatewayError(e)) throw e;
    if (!best || rank > best.rank) best = { error: e, rank };
  };
  // Self-signed certificates among the intermediates are not path elements (only anchors are).
  const isSelfSigned = (c: Certificate): boolean => {
    if (!namesEqual(c.subject, c.issuer)) return false;
    let r = selfSigned.get(c);
    if (r === undefined) {
      spend(true);
      try {
        verifyCertificateSignature(c, c.publicKey(), spkiHash(c));
        r = true;
      } catch (e) {
        if (!isGatewayError(e)) throw e;
        r = false;
      }
      selfSigned.set(c, r);
    }
    return r;
  };

  const extend = (chain: Certificate[], onPath: Set<string>): CandidatePath | undefined => {
    const cert = chain[chain.length - 1]!;
    const depth = chain.length - 1;
    for (const anchor of anchorIssuers(anchors, cert)) {
      spend(true);
      try {
        verifyCertificateSignature(cert, anchor.publicKey, anchor.keyHash);
      } catch (e) {
        record(e, RANK_LINK + depth);
        continue;
      }
      const path: CandidatePath = { certificates: [...chain], anchor };
      try {
        for (const check of checks) check({ path, at });
        return path;
      } catch (e) {
        record(e, RANK_COMPLETE);
      }
    }
    const candidates = interIndex.issuersOf(cert).filter((c) => !onPath.has(toHex(c.sha256())));
    if (candidates.length === 0) return undefined;
    if (depth >= maxDepth) {
      record(new GatewayError('ERR_PATH_TOO_LONG', `more than ${maxDepth} intermediate(s) needed`), RANK_TOO_DEEP);
      return undefined;
    }
    for (const ca of candidates) {
      spend(false);
      if (isSelfSigned(ca)) continue;
      spend(true);
      try {
        verifyCertificateSignature(cert, ca.publicKey(), spkiHash(ca));
      } catch (e) {
        record(e, RANK_LINK + depth);
        continue;
      }
      const id = toHex(ca.sha256());
      onPath.add(id);
      chain.push(ca);
      const found = extend(chain, onPath);
      chain.pop();
      onPath.delete(id);
      if (found) return found;
    }
    return undefined;
  };

  try {
    const path = extend([leaf], new Set([toHex(leaf.sha256())]));
    if (path) return { status: 'found', path };
  } catch (e) {
    if (!(e instanceof SearchLimit)) throw e;
    const detail = `${signatures} signature checks, ${steps} steps`;
    return { status: 'failed', error: new GatewayError('ERR_PATH_SEARCH_LIMIT', detail) };
  }
  return { status: 'failed', error: best?.error ?? new GatewayError('ERR_PATH_NOT_FOUND') };
}
