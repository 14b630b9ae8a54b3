/**
 * A path as a list of (certificate, issuer) links, leaf first. Checks and the revocation
 * step both need "who issued certificate i": the next certificate, or the anchor for the last.
 */
import type { Certificate } from '../pki/certificate.js';
import type { Name } from '../pki/name.js';
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
    const issuer: PathIssuer = next
      ? {
          subject: next.subject,
          publicKey: next.publicKey(),
          keyHash: spkiHash(next),
          certificate: next,
          isAnchor: false,
        }
      : {
          subject: anchor.certificate.subject,
          publicKey: anchor.publicKey,
          keyHash: anchor.keyHash,
          certificate: anchor.certificate,
          isAnchor: true,
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
