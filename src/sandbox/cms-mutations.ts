import { octetString, oid, set, setOf } from '../pki/der-write.js';
import { OID } from '../pki/oids.js';
import { encodeAttribute, type AttributeSpec } from '../cms/build-signed-attributes.js';

// One-thing-wrong switches for signCms. Each maps to one verifier rule (RFC 5652 §5, §11;
// RFC 5035), so a negative test can name the code it expects.

export interface CmsMutations {
  /** Drop the content-type attribute (RFC 5652 §11.1). */
  omitContentType?: boolean;
  /** A second content-type attribute. */
  duplicateContentType?: boolean;
  /** Signed content-type value (default: the eContentType). */
  contentTypeValue?: string;
  /** eContentType written in the EncapsulatedContentInfo (the signed attribute keeps its value). */
  eContentType?: string;
  omitMessageDigest?: boolean;
  /** Flip one bit of the signed message-digest value. */
  wrongMessageDigest?: boolean;
  /** Replace the message-digest value with these bytes (e.g. the wrong length). */
  messageDigestValue?: Uint8Array;
  /** Write this attribute type twice (e.g. signing-time, signing-certificate-v2). */
  duplicateAttribute?: string;
  /** Give the message-digest attribute a second value. */
  twoMessageDigestValues?: boolean;
  /** Write the attribute SET in anti-DER order (BER, RFC 5652 §5.4 wants DER). */
  unsortedAttributes?: boolean;
  /** signing-certificate-v2 naming this certificate instead of the signer's. */
  signingCertificateV2For?: Uint8Array;
  twoSignerInfos?: boolean;
  /** sid = issuerAndSerialNumber with a serial no certificate has. */
  sidNowhere?: boolean;
  noCertificates?: boolean;
  /** SignedData.digestAlgorithms OIDs (default: the signer's). */
  digestAlgorithms?: string[];
  signedDataVersion?: number;
  signerInfoVersion?: number;
  corruptSignature?: boolean;
  /** SignerInfo.signatureAlgorithm written instead of the one used (complete AlgorithmIdentifier DER). */
  signatureAlgorithmIdentifier?: Uint8Array;
  /** Written as SignedData.crls [1] (each a complete CRL DER). */
  crls?: Uint8Array[];
  /** Attached content changed after signing. */
  tamperContent?: boolean;
}

export function applyAttributeMutations(list: AttributeSpec[], m: CmsMutations): AttributeSpec[] {
  let out = [...list];
  const md = out.find((a) => a.oid === OID.messageDigest)!;
  if (m.wrongMessageDigest || m.messageDigestValue || m.twoMessageDigestValues) {
    const value = md.valuesDer[0]!;
    let replaced = value;
    if (m.messageDigestValue) replaced = octetString(m.messageDigestValue);
    if (m.wrongMessageDigest) {
      replaced = Uint8Array.from(value);
      replaced[replaced.length - 1]! ^= 0x01;
    }
    const values = m.twoMessageDigestValues ? [replaced, octetString(new Uint8Array(replaced.length - 2))] : [replaced];
    out = out.map((a) => (a === md ? { oid: a.oid, valuesDer: values } : a));
  }
  if (m.omitContentType) out = out.filter((a) => a.oid !== OID.contentType);
  if (m.omitMessageDigest) out = out.filter((a) => a.oid !== OID.messageDigest);
  if (m.duplicateContentType) out.push({ oid: OID.contentType, valuesDer: [oid(OID.data)] });
  if (m.duplicateAttribute) {
    const a = out.find((x) => x.oid === m.duplicateAttribute);
    if (!a) throw new TypeError(`duplicateAttribute: ${m.duplicateAttribute} is not in the list`);
    out.push(a);
  }
  return out;
}

/** DER SET OF (sorted, X.690 §11.6) or, for negative tests, the reverse of that order. */
export function encodeAttributeSet(list: readonly AttributeSpec[], unsorted: boolean): Uint8Array {
  const encoded = list.map(encodeAttribute);
  if (!unsorted) return setOf(...encoded);
  const order = [...encoded].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))).reverse();
  return set(...order);
}
