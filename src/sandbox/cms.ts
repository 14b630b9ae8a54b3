import { constants, createHash, privateEncrypt, sign, type KeyObject } from 'node:crypto';
import { HASH_LENGTH, NODE_HASH, type HashName } from '../pki/algorithms.js';
import { parseCertificate } from '../pki/certificate.js';
import { octetString, oid, seq } from '../pki/der-write.js';
import { OID } from '../pki/oids.js';
import { signedAttributeList, type AttributeSpec } from '../cms/build-signed-attributes.js';
import {
  digestAlgorithmIdentifier,
  encodeSignedDataContentInfo,
  encodeSignerInfo,
  issuerAndSerialNumber,
  signatureAlgorithmIdentifier,
  subjectKeyIdentifierSid,
  type CmsSignatureAlgorithmName,
} from '../cms/encode-signed-data.js';
import { applyAttributeMutations, encodeAttributeSet, type CmsMutations } from './cms-mutations.js';

// A JPKI client in a box: builds CAdES-BES signed attributes, signs their DigestInfo the way
// the card does (RSA PKCS#1 v1.5 over a DigestInfo it never looks into) and assembles the
// ContentInfo. `mutate` changes exactly one thing for negative tests.

export { buildSignedAttributes, digestSignedAttributes } from '../cms/build-signed-attributes.js';
export { assembleSignedData as assembleCms } from '../cms/assemble-signed-data.js';
export type { CmsMutations } from './cms-mutations.js';

/** SHA-1 exists here only to build vectors the verifier must refuse. */
export type SandboxDigestAlgorithm = HashName | 'SHA-1';

export interface SignCmsOptions {
  content: Uint8Array;
  /** DER of the signer certificate. */
  certificate: Uint8Array;
  privateKey: KeyObject;
  detached?: boolean; // default true
  digestAlgorithm?: SandboxDigestAlgorithm; // default SHA-256
  /** Default: rsaEncryption for RSA keys, ecdsa for EC keys. */
  signatureAlgorithm?: CmsSignatureAlgorithmName;
  contentType?: string; // default id-data
  /** false = no signed attributes (like `openssl cms -noattr`). Default true. */
  signedAttributes?: boolean;
  signingTime?: Date;
  signingCertificateV2?: boolean; // default true
  extraSignedAttributes?: AttributeSpec[];
  sid?: 'issuerAndSerial' | 'ski'; // default issuerAndSerial
  extraCertificates?: Uint8Array[];
  mutate?: CmsMutations;
}

const SHA1_DIGEST_INFO_PREFIX = Buffer.from('3021300906052b0e03021a05000414', 'hex');
const DIGEST_INFO_PREFIX: Record<HashName, string> = {
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
};

const nodeHash = (h: SandboxDigestAlgorithm): string => (h === 'SHA-1' ? 'sha1' : NODE_HASH[h]);
const digestOf = (h: SandboxDigestAlgorithm, data: Uint8Array): Uint8Array =>
  createHash(nodeHash(h)).update(data).digest();

export function signCms(opts: SignCmsOptions): Uint8Array {
  const m = opts.mutate ?? {};
  const hash = opts.digestAlgorithm ?? 'SHA-256';
  const cert = parseCertificate(opts.certificate);
  const alg = opts.signatureAlgorithm ?? (cert.publicKey().kind === 'ec' ? 'ecdsa' : 'rsaEncryption');
  const eContentType = m.eContentType ?? opts.contentType ?? OID.data;

  let signedAttributes: Uint8Array | undefined;
  if (opts.signedAttributes !== false) {
    const list = signedAttributeList({
      content: opts.content,
      digestAlgorithm: hash === 'SHA-1' ? 'SHA-256' : hash,
      contentType: m.contentTypeValue ?? opts.contentType ?? OID.data,
      signerCertificate:
        opts.signingCertificateV2 === false ? undefined : (m.signingCertificateV2For ?? opts.certificate),
      signingTime: opts.signingTime,
      extraAttributes: opts.extraSignedAttributes,
    });
    if (hash === 'SHA-1')
      list[1] = { oid: OID.messageDigest, valuesDer: [octetString(digestOf('SHA-1', opts.content))] };
    signedAttributes = encodeAttributeSet(applyAttributeMutations(list, m), m.unsortedAttributes === true);
  }
  const toSign = signedAttributes ?? opts.content;
  const signature = signWithKey(alg, hash, opts.privateKey, toSign);
  if (m.corruptSignature) signature[signature.length - 1]! ^= 0x01;

  const digestAlgId = hash === 'SHA-1' ? seq(oid(OID.sha1)) : digestAlgorithmIdentifier(hash);
  const sidKind = opts.sid ?? 'issuerAndSerial';
  const sid = m.sidNowhere
    ? issuerAndSerialNumber(cert.issuer.der, Uint8Array.of(0x7f, 0xff, 0xff, 0x01))
    : sidKind === 'ski'
      ? subjectKeyIdentifierSid(cert.subjectKeyId ?? fail('certificate has no SKI'))
      : issuerAndSerialNumber(cert.issuer.der, cert.serial);
  const signerInfoVersion = m.signerInfoVersion ?? (sidKind === 'ski' && !m.sidNowhere ? 3 : 1);
  const signerInfo = encodeSignerInfo({
    version: signerInfoVersion,
    sid,
    digestAlgorithm: digestAlgId,
    signedAttributes,
    signatureAlgorithm:
      m.signatureAlgorithmIdentifier ?? signatureAlgorithmIdentifier(alg, hash === 'SHA-1' ? 'SHA-256' : hash),
    signature,
  });
  const content = m.tamperContent ? flipFirstBit(opts.content) : opts.content;
  return encodeSignedDataContentInfo({
    version: m.signedDataVersion ?? (signerInfoVersion === 3 || eContentType !== OID.data ? 3 : 1),
    digestAlgorithms: m.digestAlgorithms ? m.digestAlgorithms.map((o) => seq(oid(o))) : [digestAlgId],
    eContentType,
    eContent: opts.detached === false ? content : undefined,
    certificates: m.noCertificates ? undefined : [opts.certificate, ...(opts.extraCertificates ?? [])],
    crls: m.crls,
    signerInfos: m.twoSignerInfos ? [signerInfo, signerInfo] : [signerInfo],
  });
}

/** RSA PKCS#1 v1.5 signs DigestInfo(hash(data)) exactly as a card does; PSS and ECDSA sign the data. */
function signWithKey(
  alg: CmsSignatureAlgorithmName,
  hash: SandboxDigestAlgorithm,
  key: KeyObject,
  data: Uint8Array,
): Uint8Array {
  if (alg === 'rsaEncryption' || alg === 'sha-with-rsa') {
    const prefix = hash === 'SHA-1' ? SHA1_DIGEST_INFO_PREFIX : Buffer.from(DIGEST_INFO_PREFIX[hash], 'hex');
    const digestInfo = Buffer.concat([prefix, digestOf(hash, data)]);
    return new Uint8Array(privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo));
  }
  if (alg === 'rsassa-pss') {
    const saltLength = hash === 'SHA-1' ? 20 : HASH_LENGTH[hash];
    return new Uint8Array(sign(nodeHash(hash), data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }));
  }
  return new Uint8Array(sign(nodeHash(hash), data, { key, dsaEncoding: 'der' }));
}

function flipFirstBit(b: Uint8Array): Uint8Array {
  const out = Uint8Array.from(b.length ? b : [0]);
  out[0]! ^= 0x80;
  return out;
}

function fail(msg: string): never {
  throw new TypeError(`signCms: ${msg}`);
}
