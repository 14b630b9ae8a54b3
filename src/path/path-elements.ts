/**
 * A path as a list of (certificate, issuer) links, leaf first. Checks and the revocation
 * step both need "who issued certificate i": the next certificate, or the anchor for the last.
 */
import type { Certificate } from '../pki/certificate.js';
import { namesEqual, type Name } from '../pki/name.js';
import type { PublicKeyInfo } from '../pki/public-key.js';
import { spkiHash } from '../trust/trust-anchor.js';
import type { CandidatePath } from './types.js';

export interface PathIssuer {
  readonly subject: Name;
  readonly publicKey: PublicKeyInfo;
  /** sha256(SPKI) hex. */
  readonly keyHash: string;
  readonly certificate: Certificate;
  readonly isAnchor: boolean;
  /**
   * The issuer's certificate plus every other certificate of this validated path above it
   * (and the anchor) with the same subject name: the same CA's other validated keys (key
   * rollover, self-issued certificates). RFC 5280 §6.3.3 (f) lets a CA sign CRLs with any of
   * its keys whose path ends at the same anchor, so these are sound CRL-issuer candidates.
   */
  readonly sameCa: readonly Certificate[];
}

export interface PathElement {
  readonly certificate: Certificate;
  /** 0 = leaf. */
  readonly index: number;
  readonly issuer: PathIssuer;
}

/** Only call on a path whose links verified (keys of its issuers import). */
export function pathElements(path: CandidatePath): PathElement[] {
  const { certificates, anchor } = path;
  return certificates.map((certificate, index) => {
    const next = certificates[index + 1];
    const issuerCert = next ?? anchor.certificate;
    const above = [...certificates.slice(index + 2), anchor.certificate];
    const sameCa = [issuerCert, ...above.filter((c) => c !== issuerCert && namesEqual(c.subject, issuerCert.subject))];
    const issuer: PathIssuer = {
      subject: issuerCert.subject,
      publicKey: next ? next.publicKey() : anchor.publicKey,
      keyHash: next ? spkiHash(next) : anchor.keyHash,
      certificate: issuerCert,
      isAnchor: !next,
      sameCa,
    };
    return { certificate, index, issuer };
  });
}

/** Intermediates in RFC 5280 §6.1 order: the one the anchor issued first, the leaf's issuer last. */
export function intermediatesFromAnchor(path: CandidatePath): Certificate[] {
  return path.certificates.slice(1).reverse();
}

export function describe(certificate: Certificate, index: number): string {
  return index === 0 ? 'leaf' : `intermediate ${index} (serial ${certificate.serialHex})`;
}
