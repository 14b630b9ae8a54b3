/**
 * A trust anchor is a trusted name + public key (RFC 5280 §6.1.1 (d)). We keep the whole
 * certificate because JPKI roots carry validity, key identifiers and the O=JPKI-TEST marker
 * that the JPKI profiles read.
 */
import { createHash } from 'node:crypto';
import { GatewayError, isGatewayError } from '../errors.js';
import type { Certificate } from '../pki/certificate.js';
import type { PublicKeyInfo } from '../pki/public-key.js';
import { OID } from '../pki/oids.js';

export type JpkiPurpose = 'signing' | 'authentication';

export interface TrustAnchor {
  readonly certificate: Certificate;
  /** Imported once; every path that ends here verifies with this KeyObject. */
  readonly publicKey: PublicKeyInfo;
  /** From the subject OU (J-LIS roots and the sandbox's); undefined for any other anchor. */
  readonly purpose: JpkiPurpose | undefined;
  /** sha256(SubjectPublicKeyInfo) in hex: identifies the key for the signature cache. */
  readonly keyHash: string;
}

const OU_PURPOSE: Record<string, JpkiPurpose> = {
  'jpki for digital signature': 'signing',
  'jpki for user authentication': 'authentication',
};

/** The JPKI purpose named by a root's OU (jpki-reference §1: one DN per purpose). */
export function purposeFromSubject(certificate: Certificate): JpkiPurpose | undefined {
  const found = new Set<JpkiPurpose>();
  for (const rdn of certificate.subject.rdns) {
    for (const a of rdn) {
      if (a.type !== OID.organizationalUnitName || a.text === undefined) continue;
      const p = OU_PURPOSE[a.text.trim().toLowerCase()];
      if (p) found.add(p);
    }
  }
  // A subject naming both purposes is no JPKI root: treat it as unspecified.
  return found.size === 1 ? [...found][0] : undefined;
}

/** True when the subject has O=JPKI-TEST, the marker of J-LIS's test environment and the sandbox (contract §2). */
export function isTestRoot(certificate: Certificate): boolean {
  return certificate.subject.rdns.some((rdn) =>
    rdn.some((a) => a.type === OID.organizationName && a.text?.trim().toUpperCase() === 'JPKI-TEST'),
  );
}

/**
 * Wraps a certificate as a trust anchor. The key is imported now, so an unusable anchor
 * (weak or unsupported key, or not a CA) is a configuration error found at load time.
 */
export function toTrustAnchor(certificate: Certificate, purpose = purposeFromSubject(certificate)): TrustAnchor {
  // RFC 5280 §4.2.1.9: only a CA key may sign certificates; a leaf configured as an anchor is a mistake.
  if (certificate.basicConstraints?.ca !== true) {
    throw new GatewayError('ERR_PATH_TRUST_ANCHOR_INVALID', 'trust anchor is not a CA certificate');
  }
  let publicKey: PublicKeyInfo;
  try {
    publicKey = certificate.publicKey();
  } catch (e) {
    if (!isGatewayError(e)) throw e;
    throw new GatewayError('ERR_PATH_TRUST_ANCHOR_INVALID', `trust anchor key: ${e.code}`, { cause: e });
  }
  return Object.freeze({ certificate, publicKey, purpose, keyHash: spkiHash(certificate) });
}

const spkiHashes = new WeakMap<Certificate, string>();

/** sha256 of the certificate's SubjectPublicKeyInfo, cached per parsed certificate. */
export function spkiHash(certificate: Certificate): string {
  let h = spkiHashes.get(certificate);
  if (h === undefined) {
    h = createHash('sha256').update(certificate.spki).digest('hex');
    spkiHashes.set(certificate, h);
  }
  return h;
}
