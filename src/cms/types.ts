/**
 * Shapes shared by the CMS SignedData verifier (RFC 5652). `Unverified…` values come
 * straight from the parser: offsets into the caller's buffer, nothing decided yet.
 */
import type { Tlv } from '../pki/der.js';
import type { HashName, SignatureAlgorithm } from '../pki/algorithms.js';
import type { Certificate } from '../pki/certificate.js';

export interface Warning {
  readonly code: string;
  readonly message: string;
}

export type SignerIdentifier =
  | {
      readonly kind: 'issuerAndSerialNumber';
      /** DER of the issuer Name; decoded only when it is not byte-identical to a candidate's. */
      readonly issuerDer: Uint8Array;
      readonly serial: Uint8Array;
    }
  | { readonly kind: 'subjectKeyIdentifier'; readonly keyId: Uint8Array };

export interface UnverifiedSignerInfo {
  readonly version: number;
  readonly sid: SignerIdentifier;
  readonly digestAlgorithm: Tlv;
  /** The [0] IMPLICIT SET as received (tag 0xa0), when present. */
  readonly signedAttrs: Tlv | undefined;
  readonly signatureAlgorithm: Tlv;
  readonly signature: Uint8Array;
  readonly unsignedAttrs: Tlv | undefined;
}

export interface UnverifiedSignedData {
  /** The whole ContentInfo; every Tlv below points into it. */
  readonly buf: Uint8Array;
  readonly version: number;
  /** OIDs of SignedData.digestAlgorithms, in encoding order. */
  readonly digestAlgorithmOids: readonly string[];
  readonly eContentType: string;
  /** Value octets of the eContent OCTET STRING (RFC 5652 §5.4); undefined when detached. */
  readonly eContent: Uint8Array | undefined;
  /** DER of each certificate in SignedData.certificates. */
  readonly certificates: readonly Uint8Array[];
  readonly crlsPresent: boolean;
  /** One Tlv per SignerInfo; decoded only once the count is known to be one. */
  readonly signerInfos: readonly Tlv[];
}

/** One decoded Attribute of a SignedAttributes SET (RFC 5652 §5.3). */
export interface Attribute {
  readonly type: string;
  /** The Attribute SEQUENCE. */
  readonly tlv: Tlv;
  /** The attrValues SET. */
  readonly valuesSet: Tlv;
  readonly values: readonly Tlv[];
}

export interface VerifiedSignedData {
  readonly signerCertificate: Certificate;
  /** Every certificate in the CMS (signer included): candidates for path building. */
  readonly certificates: readonly Certificate[];
  readonly contentType: string;
  readonly content: Uint8Array;
  readonly digestAlgorithm: HashName;
  readonly signatureAlgorithm: SignatureAlgorithm;
  readonly signingTime: Date | undefined;
  readonly signedAttributesPresent: boolean;
  readonly signingCertificateV2Checked: boolean;
  readonly warnings: readonly Warning[];
}
