/**
 * An immutable set of trust anchors indexed by subject name and subject key identifier,
 * so path building picks candidate roots without scanning (jpki-reference §1: all
 * generations of one purpose share a DN, so the key id is what tells them apart).
 */
import type { Certificate } from '../pki/certificate.js';
import { toHex } from '../pki/der-values.js';
import { namesEqual, type Name } from '../pki/name.js';
import { toTrustAnchor, type JpkiPurpose, type TrustAnchor } from './trust-anchor.js';

export interface TrustStore {
  readonly anchors: readonly TrustAnchor[];
  /** Anchors whose subject equals `name` (RFC 5280 §7.1 comparison). */
  bySubject(name: Name): readonly TrustAnchor[];
  /** Anchors whose subjectKeyIdentifier equals `keyId`. */
  byKeyId(keyId: Uint8Array): readonly TrustAnchor[];
  /** A store holding only the anchors of one JPKI purpose. */
  forPurpose(purpose: JpkiPurpose): TrustStore;
}

export function isTrustStore(x: unknown): x is TrustStore {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as TrustStore).bySubject === 'function';
}

const nameKeys = new WeakMap<Name, string>();

/** Coarse name key (case and space folded, cached per parsed Name); every hit is confirmed with namesEqual. */
export function nameKey(name: Name): string {
  let k = nameKeys.get(name);
  if (k === undefined) {
    k = computeNameKey(name);
    nameKeys.set(name, k);
  }
  return k;
}

function computeNameKey(name: Name): string {
  return name.rdns
    .map((rdn) =>
      rdn
        .map((a) => `${a.type}=${a.text !== undefined ? a.text.normalize('NFKC').toLowerCase().replace(/\s+/g, '') : toHex(a.raw)}`)
        .sort()
        .join('+'),
    )
    .join(',');
}

function derKey(der: Uint8Array): string {
  return Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('latin1');
}

/**
 * Builds a store from certificates or ready anchors. Certificates are wrapped with
 * toTrustAnchor (throws ERR_PATH_TRUST_ANCHOR_INVALID for an unusable one). Duplicates
 * (same DER) are kept once.
 */
export function createTrustStore(items: readonly (Certificate | TrustAnchor)[]): TrustStore {
  const seen = new Set<string>();
  const anchors: TrustAnchor[] = [];
  for (const item of items) {
    const anchor = 'publicKey' in item && 'keyHash' in item ? item : toTrustAnchor(item);
    const id = toHex(anchor.certificate.sha256());
    if (seen.has(id)) continue;
    seen.add(id);
    anchors.push(anchor);
  }
  return storeOf(Object.freeze(anchors));
}

function storeOf(anchors: readonly TrustAnchor[]): TrustStore {
  const bySubject = new Map<string, TrustAnchor[]>();
  // Exact-DER index first: a JPKI leaf's issuer field is byte-identical to its root's subject,
  // so the common case skips the normalized comparison (hot path, see bench:verify).
  const byExactSubject = new Map<string, TrustAnchor[]>();
  const byKeyId = new Map<string, TrustAnchor[]>();
  const push = (m: Map<string, TrustAnchor[]>, k: string, a: TrustAnchor): void => {
    const list = m.get(k);
    if (list) list.push(a);
    else m.set(k, [a]);
  };
  for (const a of anchors) {
    push(bySubject, nameKey(a.certificate.subject), a);
    push(byExactSubject, derKey(a.certificate.subject.der), a);
    const ski = a.certificate.subjectKeyId;
    if (ski) push(byKeyId, toHex(ski), a);
  }
  const byPurpose = new Map<JpkiPurpose, TrustStore>();
  const store: TrustStore = {
    anchors,
    bySubject: (name) =>
      byExactSubject.get(derKey(name.der)) ??
      (bySubject.get(nameKey(name)) ?? []).filter((a) => namesEqual(a.certificate.subject, name)),
    byKeyId: (keyId) => byKeyId.get(toHex(keyId)) ?? [],
    forPurpose: (purpose) => {
      let s = byPurpose.get(purpose);
      if (!s) {
        s = storeOf(Object.freeze(anchors.filter((a) => a.purpose === purpose)));
        byPurpose.set(purpose, s);
      }
      return s;
    },
  };
  return Object.freeze(store);
}
