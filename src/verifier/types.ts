/** The library surface of contract §2. */
import type { Clock } from '../clock.js';
import type { KeyUsageName } from '../pki/extensions.js';
import type { HashName } from '../pki/algorithms.js';
import type { Profile, ValidationReport } from '../report/types.js';
import type { OcspChecker, OcspResponderConfig } from '../revocation/ocsp/index.js';
import type { CrlAnswerSource } from '../revocation/manager/index.js';
import type { CardDataResult, CvCaKeyInput, VerifyCardDataInput } from '../identity/my-number/types.js';

export type { CardDataResult, CvCaKeyInput, VerifyCardDataInput };

export type RevocationMethod = 'crl' | 'ocsp' | 'ocsp-then-crl' | 'crl-then-ocsp' | 'none';

export interface VerifierOptions {
  /** DER roots; default: the bundled J-LIS roots of the profile's purpose. */
  readonly trustAnchors?: readonly Uint8Array[];
  readonly intermediates?: readonly Uint8Array[];
  /** DER CRLs, bound to their issuer by name and key on first use. */
  readonly crls?: readonly Uint8Array[];
  /** 'none' is the named opt-out: reported as not_checked with a warning. Default 'crl'. */
  readonly revocation?: RevocationMethod;
  /** OCSP responder URL used for every certificate (overrides the certificates' AIA). */
  readonly ocspUrl?: string;
  /** Per-responder OCSP settings (URL, pinned responder certificate, nonce, CertID hash, limits). */
  readonly ocspResponders?: readonly OcspResponderConfig[];
  /** Oldest acceptable OCSP answer (thisUpdate) in ms. Default 1 hour. */
  readonly ocspMaxAgeMs?: number;
  /** Allowed clock skew for OCSP times in ms. Default 5 minutes. */
  readonly clockSkewMs?: number;
  readonly clock?: Clock;
  /**
   * Refreshed, shared CRL partitions (the server's revocation manager). When set, CRL answers
   * come from it; explicit `crls` still answer for certificates it has no partition for.
   */
  readonly crlManager?: CrlAnswerSource;
  /**
   * The OCSP checker to ask (its cache and in-flight de-duplication then span every verifier
   * that shares it — a verifier pool's workers do). Default: one built from the OCSP options.
   */
  readonly ocspChecker?: OcspChecker;
  /** Accept a CRL this long after its nextUpdate (J-LIS refresh window). Default 0. */
  readonly crlGraceMs?: number;
  /** JPKI profiles: policy OIDs admitted instead of the defaults (smartphone JPKI). */
  readonly allowedPolicies?: readonly string[];
  /** CV CA public keys for verifyCardData, by 16-byte key id in hex. Default: none (every card fails closed). */
  readonly cvCaKeys?: readonly CvCaKeyInput[];
}

export type VerifySignatureInput =
  | {
      readonly signature: Uint8Array;
      readonly content?: Uint8Array;
      readonly profile?: Profile;
      readonly at?: Date;
    }
  | {
      readonly signatureValue: Uint8Array;
      readonly certificate: Uint8Array;
      readonly digest: Uint8Array;
      readonly digestAlgorithm: HashName;
      readonly profile?: Profile;
      readonly at?: Date;
    };

export interface VerifyCertificateInput {
  readonly certificate: Uint8Array;
  readonly intermediates?: readonly Uint8Array[];
  readonly profile?: Profile;
  readonly at?: Date;
  readonly maxDepth?: number;
  readonly keyUsage?: readonly KeyUsageName[];
  readonly extendedKeyUsage?: readonly string[];
}

export interface Verifier {
  verifySignature(input: VerifySignatureInput): Promise<ValidationReport>;
  verifyCertificate(input: VerifyCertificateInput): Promise<ValidationReport>;
  verifyCardData(input: VerifyCardDataInput): Promise<CardDataResult>;
}
