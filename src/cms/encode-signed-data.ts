/**
 * DER encoders for the SignedData pieces (RFC 5652 §3, §5). They write exactly what they
 * are given, already encoded, so tests can assemble deliberately wrong structures;
 * assemble-signed-data.ts is the caller that makes them right.
 */
import { explicit, integer, nullValue, octetString, oid, seq, set, setOf, tlv } from '../pki/der-write.js';
import type { HashName } from '../pki/algorithms.js';
import { HASH_LENGTH } from '../pki/algorithms.js';
import { OID } from '../pki/oids.js';

export type CmsSignatureAlgorithmName = 'rsaEncryption' | 'sha-with-rsa' | 'rsassa-pss' | 'ecdsa';

const HASH_OID: Record<HashName, string> = { 'SHA-256': OID.sha256, 'SHA-384': OID.sha384, 'SHA-512': OID.sha512 };
const RSA_WITH: Record<HashName, string> = {
  'SHA-256': OID.sha256WithRSA,
  'SHA-384': OID.sha384WithRSA,
  'SHA-512': OID.sha512WithRSA,
};
const ECDSA_WITH: Record<HashName, string> = {
  'SHA-256': OID.ecdsaWithSHA256,
  'SHA-384': OID.ecdsaWithSHA384,
  'SHA-512': OID.ecdsaWithSHA512,
};

/** RFC 5754 §2: SHA-2 AlgorithmIdentifier with absent parameters (what OpenSSL writes). */
export function digestAlgorithmIdentifier(hash: HashName): Uint8Array {
  return seq(oid(HASH_OID[hash]));
}

/** RFC 3370 §3.2 (rsaEncryption + NULL), RFC 4055/4056 (PSS, salt = hash length), RFC 5758 §3.2 (ECDSA). */
export function signatureAlgorithmIdentifier(name: CmsSignatureAlgorithmName, hash: HashName): Uint8Array {
  switch (name) {
    case 'rsaEncryption':
      return seq(oid(OID.rsaEncryption), nullValue());
    case 'sha-with-rsa':
      return seq(oid(RSA_WITH[hash]), nullValue());
    case 'ecdsa':
      return seq(oid(ECDSA_WITH[hash]));
    case 'rsassa-pss': {
      const h = seq(oid(HASH_OID[hash]), nullValue());
      return seq(
        oid(OID.rsassaPss),
        seq(explicit(0, h), explicit(1, seq(oid(OID.mgf1), h)), explicit(2, integer(HASH_LENGTH[hash]))),
      );
    }
    default:
      throw new TypeError(`unknown CMS signature algorithm ${String(name)}`);
  }
}

export function issuerAndSerialNumber(issuerNameDer: Uint8Array, serialContent: Uint8Array): Uint8Array {
  return seq(issuerNameDer, tlv(0x02, serialContent));
}

/** subjectKeyIdentifier [0] IMPLICIT OCTET STRING. */
export function subjectKeyIdentifierSid(keyId: Uint8Array): Uint8Array {
  return tlv(0x80, keyId);
}

export interface SignerInfoParts {
  readonly version: number;
  readonly sid: Uint8Array;
  readonly digestAlgorithm: Uint8Array;
  /** The SET OF Attribute as hashed (tag 0x31); written with its [0] IMPLICIT tag. */
  readonly signedAttributes?: Uint8Array | undefined;
  readonly signatureAlgorithm: Uint8Array;
  readonly signature: Uint8Array;
  /** The SET OF Attribute (tag 0x31); written with its [1] IMPLICIT tag. */
  readonly unsignedAttributes?: Uint8Array | undefined;
}

export function encodeSignerInfo(p: SignerInfoParts): Uint8Array {
  return seq(
    integer(p.version),
    p.sid,
    p.digestAlgorithm,
    ...(p.signedAttributes ? [retag(p.signedAttributes, 0xa0)] : []),
    p.signatureAlgorithm,
    octetString(p.signature),
    ...(p.unsignedAttributes ? [retag(p.unsignedAttributes, 0xa1)] : []),
  );
}

export interface SignedDataParts {
  readonly version: number;
  readonly digestAlgorithms: readonly Uint8Array[];
  readonly eContentType: string;
  /** Present = attached content. */
  readonly eContent?: Uint8Array | undefined;
  /** undefined = no certificates field at all. */
  readonly certificates?: readonly Uint8Array[] | undefined;
  readonly crls?: readonly Uint8Array[] | undefined;
  readonly signerInfos: readonly Uint8Array[];
}

/** ContentInfo { id-signedData, [0] EXPLICIT SignedData }. */
export function encodeSignedDataContentInfo(p: SignedDataParts): Uint8Array {
  const encap = seq(oid(p.eContentType), ...(p.eContent ? [explicit(0, octetString(p.eContent))] : []));
  const signedData = seq(
    integer(p.version),
    setOf(...p.digestAlgorithms),
    encap,
    ...(p.certificates ? [tlv(0xa0, concatAll(p.certificates))] : []),
    ...(p.crls ? [tlv(0xa1, concatAll(p.crls))] : []),
    set(...p.signerInfos),
  );
  return seq(oid(OID.signedData), explicit(0, signedData));
}

/** Replaces the one-byte tag of an encoded element (0x31 → [0]/[1] IMPLICIT). */
function retag(der: Uint8Array, tag: number): Uint8Array {
  const out = Uint8Array.from(der);
  out[0] = tag;
  return out;
}

function concatAll(items: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(items.map((i) => Buffer.from(i.buffer, i.byteOffset, i.byteLength)));
}
