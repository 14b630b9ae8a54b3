/**
 * Shapes of the card-data verb (contract §2 `verifyCardData`, `CardDataResult`). Field names
 * here are public: additions are fine, renames are breaking changes.
 */
import type { BirthDate, Sex } from '../types.js';
import type { MyNumber } from './my-number.js';

/** The five text-AP files exactly as read from the card (READ BINARY, jpki-reference §3, §4). */
export interface TextApFiles {
  readonly ef0001: Uint8Array;
  readonly ef0002: Uint8Array;
  readonly ef0003: Uint8Array;
  readonly ef0004: Uint8Array;
  readonly ef0007: Uint8Array;
}

export interface VerifyCardDataInput {
  readonly textAp: TextApFiles;
  /** The server's single-use nonce (16–1024 bytes) the card signed (internal authenticate). */
  readonly challenge: Uint8Array;
  /** The card's RSASSA-PKCS1-v1_5 signature over DigestInfo(SHA-256(challenge)). */
  readonly challengeSignature: Uint8Array;
  /** The holder's signing certificate (DER/PEM/base64), to cross-check the basic four. */
  readonly signingCertificate?: Uint8Array;
  /**
   * Validation time. Nothing in the text AP carries a validity period (the CV certificate has
   * none, jpki-reference §3), so it is accepted for symmetry with the other verbs and checked
   * for type only; the signing certificate's validity is verifySignature's job.
   */
  readonly at?: Date;
}

/** A CV CA public key from configuration (contract §2 `cvCaKeys`). */
export interface CvCaKeyInput {
  /** The 16-byte key id as 32 hex digits (production ids start 5000033…, test ids 6000033…). */
  readonly keyId: string;
  /** SubjectPublicKeyInfo DER (RSA ≥ 2048). */
  readonly publicKey: Uint8Array;
}

/** The basic four as the card's text application (EF0002) states them, J-LIS signed. */
export interface CardBasicFour {
  /** DF22 exactly as stored (UTF-8 decoded). */
  readonly name: string;
  readonly nameNormalized: string;
  /** DF23 exactly as stored. */
  readonly address: string;
  readonly addressNormalized: string;
  /** DF24 as a comparable date (partial dates kept), see `BirthDate`. */
  readonly birthDate: BirthDate;
  /** DF24's 8 digits YYYYMMDD. */
  readonly birthDateRaw: string;
  readonly sex: Sex;
  /** DF25's ISO 5218 digit: 0 unknown, 1 male, 2 female, 9 not applicable. */
  readonly sexCode: '0' | '1' | '2' | '9';
}

export interface CardDataError {
  readonly code: string;
  readonly message: string;
}

export type CardDataResult =
  | {
      readonly status: 'verified';
      /** Redacted in every string/JSON/inspect form; `.reveal()` gives the digits. */
      readonly myNumber: MyNumber;
      readonly basicFour: CardBasicFour;
      /** 'matched' when a signing certificate was given and its basic four equal the card's. */
      readonly crossCheck: 'matched' | 'not_checked';
    }
  | { readonly status: 'failed'; readonly errors: readonly CardDataError[] };
