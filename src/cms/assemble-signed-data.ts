/**
 * Step two of two-step signing: signed attributes + signature value + certificate →
 * DER ContentInfo (RFC 5652 §5), with the versions §5.1/§5.3 require.
 */
import type { HashName } from '../pki/algorithms.js';
import { parseCertificate } from '../pki/certificate.js';
import { OID } from '../pki/oids.js';
import {
  digestAlgorithmIdentifier,
  encodeSignedDataContentInfo,
  encodeSignerInfo,
  issuerAndSerialNumber,
  signatureAlgorithmIdentifier,
  subjectKeyIdentifierSid,
  type CmsSignatureAlgorithmName,
} from './encode-signed-data.js';

export type SidKind = 'issuerAndSerial' | 'ski';

export interface AssembleSignedDataInput {
  /** DER SET OF Attribute from buildSignedAttributes; absent = signature over the content itself. */
  readonly signedAttributes?: Uint8Array | undefined;
  readonly signatureValue: Uint8Array;
  /** DER of the signer certificate (always included in `certificates`). */
  readonly signerCertificate: Uint8Array;
  readonly digestAlgorithm?: HashName; // default SHA-256
  /** Default: rsaEncryption for RSA keys (as OpenSSL and JPKI clients write), ecdsa for EC keys. */
  readonly signatureAlgorithm?: CmsSignatureAlgorithmName;
  readonly contentType?: string; // default id-data
  /** Present = attached (eContent); absent = detached. */
  readonly content?: Uint8Array | undefined;
  readonly sid?: SidKind; // default issuerAndSerial
  readonly extraCertificates?: readonly Uint8Array[];
}

export function assembleSignedData(input: AssembleSignedDataInput): Uint8Array {
  const cert = parseCertificate(input.signerCertificate);
  const hash = input.digestAlgorithm ?? 'SHA-256';
  const sidKind = input.sid ?? 'issuerAndSerial';
  if (sidKind === 'ski' && !cert.subjectKeyId)
    throw new TypeError('assembleSignedData: certificate has no subjectKeyIdentifier');
  const alg = input.signatureAlgorithm ?? (cert.publicKey().kind === 'ec' ? 'ecdsa' : 'rsaEncryption');
  const contentType = input.contentType ?? OID.data;
  const signerInfoVersion = sidKind === 'ski' ? 3 : 1;
  const signerInfo = encodeSignerInfo({
    version: signerInfoVersion,
    sid:
      sidKind === 'ski'
        ? subjectKeyIdentifierSid(cert.subjectKeyId!)
        : issuerAndSerialNumber(cert.issuer.der, cert.serial),
    digestAlgorithm: digestAlgorithmIdentifier(hash),
    signedAttributes: input.signedAttributes,
    signatureAlgorithm: signatureAlgorithmIdentifier(alg, hash),
    signature: input.signatureValue,
  });
  return encodeSignedDataContentInfo({
    version: signerInfoVersion === 3 || contentType !== OID.data ? 3 : 1,
    digestAlgorithms: [digestAlgorithmIdentifier(hash)],
    eContentType: contentType,
    eContent: input.content,
    certificates: [input.signerCertificate, ...(input.extraCertificates ?? [])],
    signerInfos: [signerInfo],
  });
}
