/**
 * Per-responder configuration of the OCSP checker, validated once (caller bugs are TypeErrors)
 * and resolved per issuer: the first entry whose `match` fits the issuing CA applies; an entry
 * without `match` fits every CA. Without a fitting entry: AIA URL, nonce on, SHA-256 CertID.
 */
import { parseCertificate, type Certificate } from '../../pki/certificate.js';
import { nameToString } from '../../pki/name.js';
import { toHex } from '../../pki/der-values.js';
import { createHash } from 'node:crypto';
import { keyHashSha1, publicKeyBits } from './cert-id.js';
import { DEFAULT_OCSP_MAX_BYTES, DEFAULT_OCSP_TIMEOUT_MS } from './fetch-ocsp.js';
import type { CertIdHash } from './types.js';

export interface OcspResponderConfig {
  /** Responder URL; when set it wins over the certificate's AIA. */
  readonly url?: string;
  /** Which issuing CAs this entry is for; absent = all. */
  readonly match?: {
    /** Hex SHA-1 (40 digits) or SHA-256 (64 digits) of the CA's subjectPublicKey. */
    readonly issuerKeyHash?: string;
    /** The CA's subject as nameToString prints it, e.g. "C=JP, O=JPKI, OU=…". */
    readonly issuerName?: string;
  };
  /** DER of the only responder certificate allowed to sign (it must still be a valid delegate). */
  readonly pinnedResponderCertificate?: Uint8Array;
  /** Send a nonce and require it back. Default true. */
  readonly nonce?: boolean;
  /** Default 'SHA-256'. */
  readonly certIdHash?: CertIdHash;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

export interface ResolvedResponder {
  readonly url: string | undefined;
  readonly pinned: Certificate | undefined;
  readonly nonce: boolean;
  readonly certIdHash: CertIdHash;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  matches(issuer: Certificate): boolean;
}

const positive = (v: number | undefined, what: string, dflt: number): number => {
  if (v === undefined) return dflt;
  if (!Number.isSafeInteger(v) || v <= 0) throw new TypeError(`${what} must be a positive integer`);
  return v;
};

export function resolveResponder(c: OcspResponderConfig): ResolvedResponder {
  if (c.url !== undefined && !/^https?:\/\//i.test(c.url))
    throw new TypeError(`responder url must be http(s): ${c.url}`);
  if (c.certIdHash !== undefined && c.certIdHash !== 'SHA-256' && c.certIdHash !== 'SHA-1') {
    throw new TypeError(`certIdHash must be 'SHA-256' or 'SHA-1'`);
  }
  const keyHash = c.match?.issuerKeyHash?.toLowerCase();
  if (keyHash !== undefined && !/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(keyHash)) {
    throw new TypeError('match.issuerKeyHash must be 40 or 64 hex digits');
  }
  let pinned: Certificate | undefined;
  if (c.pinnedResponderCertificate) {
    try {
      pinned = parseCertificate(c.pinnedResponderCertificate);
    } catch (e) {
      throw new TypeError(`pinnedResponderCertificate is not a certificate: ${(e as Error).message}`);
    }
  }
  const name = c.match?.issuerName;
  return {
    url: c.url,
    pinned,
    nonce: c.nonce ?? true,
    certIdHash: c.certIdHash ?? 'SHA-256',
    timeoutMs: positive(c.timeoutMs, 'timeoutMs', DEFAULT_OCSP_TIMEOUT_MS),
    maxBytes: positive(c.maxBytes, 'maxBytes', DEFAULT_OCSP_MAX_BYTES),
    matches(issuer) {
      if (name !== undefined && nameToString(issuer.subject) !== name) return false;
      if (keyHash === undefined) return true;
      const actual =
        keyHash.length === 40
          ? toHex(keyHashSha1(issuer))
          : createHash('sha256').update(publicKeyBits(issuer)).digest('hex');
      return actual === keyHash;
    },
  };
}

export const DEFAULT_RESPONDER: ResolvedResponder = resolveResponder({});
