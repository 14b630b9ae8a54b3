/**
 * Builds CAdES-BES style signed attributes (RFC 5652 §5.3, §11; RFC 5035; ETSI EN 319 122-1
 * §5.2) and the DigestInfo a card signs over them: step one of two-step signing. The gateway
 * or a test then gets a signature value over `digestInfo` and calls assembleSignedData.
 */
import { createHash } from 'node:crypto';
import { HASH_LENGTH, NODE_HASH, type HashName } from '../pki/algorithms.js';
import { parseCertificate } from '../pki/certificate.js';
import { explicit, octetString, oid, seq, setOf, time, tlv } from '../pki/der-write.js';
import { OID } from '../pki/oids.js';
import { encodeDigestInfo } from './digest-info.js';

export interface AttributeSpec {
  readonly oid: string;
  /** Complete DER of each AttributeValue. */
  readonly valuesDer: readonly Uint8Array[];
}

export interface BuildSignedAttributesInput {
  /** The content, or its digest under `digestAlgorithm` (a document given as a hash). */
  readonly content?: Uint8Array;
  readonly contentDigest?: Uint8Array;
  readonly digestAlgorithm?: HashName; // default SHA-256
  readonly contentType?: string; // default id-data
  /** DER of the signer certificate: adds signing-certificate-v2 (CAdES-BES requires it). */
  readonly signerCertificate?: Uint8Array;
  readonly signingTime?: Date;
  /** E.g. a session-binding attribute. */
  readonly extraAttributes?: readonly AttributeSpec[];
}

export interface BuiltSignedAttributes {
  /** DER SET OF Attribute (tag 0x31): the bytes that are hashed and signed. */
  readonly signedAttributes: Uint8Array;
  readonly digestAlgorithm: HashName;
  /** Hash of `signedAttributes`. */
  readonly digest: Uint8Array;
  /** DigestInfo(digestAlgorithm, digest): what an RSA PKCS#1 v1.5 signer (a JPKI card) signs. */
  readonly digestInfo: Uint8Array;
}

export function encodeAttribute(spec: AttributeSpec): Uint8Array {
  return seq(oid(spec.oid), setOf(...spec.valuesDer));
}

/** The attributes in build order; callers that need to craft variants start from this list. */
export function signedAttributeList(input: BuildSignedAttributesInput): AttributeSpec[] {
  const hash = input.digestAlgorithm ?? 'SHA-256';
  const digest = contentDigestOf(input, hash);
  const list: AttributeSpec[] = [
    { oid: OID.contentType, valuesDer: [oid(input.contentType ?? OID.data)] },
    { oid: OID.messageDigest, valuesDer: [octetString(digest)] },
  ];
  if (input.signingTime) list.push({ oid: OID.signingTime, valuesDer: [time(input.signingTime)] });
  if (input.signerCertificate) {
    list.push({ oid: OID.signingCertificateV2, valuesDer: [signingCertificateV2(input.signerCertificate)] });
  }
  list.push(...(input.extraAttributes ?? []));
  return list;
}

export function buildSignedAttributes(input: BuildSignedAttributesInput): BuiltSignedAttributes {
  const digestAlgorithm = input.digestAlgorithm ?? 'SHA-256';
  // X.690 §11.6: DER sorts the SET OF by encoding; setOf does exactly that.
  const signedAttributes = setOf(...signedAttributeList(input).map(encodeAttribute));
  return digestSignedAttributes(signedAttributes, digestAlgorithm);
}

/** Hash + DigestInfo of an already encoded SET (also for deliberately malformed sets in tests). */
export function digestSignedAttributes(signedAttributes: Uint8Array, digestAlgorithm: HashName): BuiltSignedAttributes {
  const digest = createHash(NODE_HASH[digestAlgorithm]).update(signedAttributes).digest();
  return { signedAttributes, digestAlgorithm, digest, digestInfo: encodeDigestInfo(digestAlgorithm, digest) };
}

/**
 * RFC 5035 §3: SigningCertificateV2 { certs { ESSCertIDv2 { certHash, issuerSerial } } } with
 * the DEFAULT SHA-256 hashAlgorithm omitted (X.690 §11.5).
 */
export function signingCertificateV2(certDer: Uint8Array): Uint8Array {
  const cert = parseCertificate(certDer);
  const issuerSerial = seq(seq(explicit(4, cert.issuer.der)), tlv(0x02, cert.serial));
  return seq(seq(seq(octetString(cert.sha256()), issuerSerial)));
}

function contentDigestOf(input: BuildSignedAttributesInput, hash: HashName): Uint8Array {
  if (input.contentDigest !== undefined) {
    if (input.content !== undefined)
      throw new TypeError('buildSignedAttributes: give content or contentDigest, not both');
    if (input.contentDigest.length !== HASH_LENGTH[hash])
      throw new TypeError(`contentDigest must be ${HASH_LENGTH[hash]} bytes`);
    return input.contentDigest;
  }
  if (input.content === undefined) throw new TypeError('buildSignedAttributes: content or contentDigest is required');
  return createHash(NODE_HASH[hash]).update(input.content).digest();
}
