/**
 * CMS SignedData verification (RFC 5652), pipeline order: structure → hash → signature.
 * Every rule is one function in checks/; this file only orders them. The result is about
 * the signature alone: path, purpose, profile and revocation are decided by later steps.
 */
import { createHash } from 'node:crypto';
import { GatewayError, isGatewayError } from '../errors.js';
import { NODE_HASH } from '../pki/algorithms.js';
import { parseCertificateFromCheckedTree } from '../pki/certificate.js';
import { DEFAULT_MAX_DEPTH } from '../pki/der.js';
import { checkAttributeDuplicates } from './checks/attribute-duplicates.js';
import { checkCertificateCount } from './checks/certificate-count.js';
import { checkContentDigest } from './checks/content-digest.js';
import { checkContentPresence } from './checks/content-presence.js';
import { checkContentTypeAttribute } from './checks/content-type-attribute.js';
import { checkDigestAlgorithm } from './checks/digest-algorithm.js';
import { readMessageDigestAttribute } from './checks/message-digest-attribute.js';
import { checkSignatureAlgorithm } from './checks/signature-algorithm.js';
import { checkSignatureValue } from './checks/signature-value.js';
import { checkSignedAttributesDer } from './checks/signed-attributes-der.js';
import { checkSignedAttributesRequired } from './checks/signed-attributes-required.js';
import { checkSignedDataVersion } from './checks/signed-data-version.js';
import { findSignerCertificate } from './checks/signer-certificate.js';
import { checkSignerCount } from './checks/signer-count.js';
import { checkSignerInfoVersion } from './checks/signer-info-version.js';
import { checkSigningCertificateAttribute } from './checks/signing-certificate-attribute.js';
import { readSigningTimeAttribute } from './checks/signing-time-attribute.js';
import { parseAttributes } from './parse-attributes.js';
import { parseSignedData } from './parse-signed-data.js';
import { parseSignerInfo } from './parse-signer-info.js';
import { signedAttributesInput } from './signed-attributes-input.js';
import type { VerifiedSignedData, Warning } from './types.js';

export interface VerifySignedDataInput {
  /** DER ContentInfo carrying SignedData. */
  readonly unverifiedSignature: Uint8Array;
  /** The content of a detached signature (may also be given for an attached one: must then be equal). */
  readonly content?: Uint8Array | undefined;
}

export const MAX_SIGNATURE_BYTES = 16 * 1024 * 1024;
export const MAX_CMS_DEPTH = DEFAULT_MAX_DEPTH;

/**
 * Returns only when the signature verifies; otherwise throws the most specific GatewayError
 * (TypeError for a caller bug). The result's byte arrays are views into the inputs.
 */
export function verifySignedData(input: VerifySignedDataInput): VerifiedSignedData {
  if (!(input?.unverifiedSignature instanceof Uint8Array))
    throw new TypeError('verifySignedData: unverifiedSignature must be a Uint8Array');
  if (input.content !== undefined && !(input.content instanceof Uint8Array))
    throw new TypeError('verifySignedData: content must be a Uint8Array');
  if (input.unverifiedSignature.length > MAX_SIGNATURE_BYTES)
    throw new GatewayError('ERR_INPUT_TOO_LARGE', 'CMS signature');
  try {
    return verify(input.unverifiedSignature, input.content);
  } catch (e) {
    if (isGatewayError(e)) throw e;
    throw new GatewayError('ERR_INTERNAL', `CMS verification: ${(e as Error)?.message}`, { cause: e });
  }
}

function verify(buf: Uint8Array, detached: Uint8Array | undefined): VerifiedSignedData {
  // --- structure ---
  const sd = parseSignedData(buf, MAX_CMS_DEPTH);
  const si = parseSignerInfo(buf, checkSignerCount(sd));
  checkSignerInfoVersion(si);
  checkSignedDataVersion(sd, si);
  const content = checkContentPresence(sd.eContent, detached);
  checkCertificateCount(sd.certificates);
  // The CMS bytes passed parseDer above; its certificates need no second tree walk.
  const certificates = sd.certificates.map((der) => parseCertificateFromCheckedTree(der));
  const signer = findSignerCertificate(si.sid, certificates);
  const digestAlgorithm = checkDigestAlgorithm(sd, si);
  const signatureAlgorithm = checkSignatureAlgorithm(buf, si, digestAlgorithm, signer);
  const warnings: Warning[] = [];
  if (sd.crlsPresent) warnings.push({ code: 'WARN_CMS_CRLS_IGNORED', message: 'CRLs inside the CMS are ignored' });

  let signedInput: Uint8Array;
  let signingTime: Date | undefined;
  let signingCertificateV2Checked = false;
  if (si.signedAttrs) {
    const attributes = parseAttributes(buf, si.signedAttrs);
    checkSignedAttributesDer(buf, si.signedAttrs);
    checkContentTypeAttribute(buf, attributes, sd.eContentType);
    const signedDigest = readMessageDigestAttribute(buf, attributes, digestAlgorithm);
    signingTime = readSigningTimeAttribute(buf, attributes);
    checkAttributeDuplicates(attributes);
    const essResult = checkSigningCertificateAttribute(buf, attributes, signer);
    signingCertificateV2Checked = essResult.checked;
    warnings.push(...essResult.warnings);
    // --- hash: the content is hashed exactly once ---
    checkContentDigest(signedDigest, createHash(NODE_HASH[digestAlgorithm]).update(content).digest());
    signedInput = signedAttributesInput(buf, si.signedAttrs);
  } else {
    checkSignedAttributesRequired(sd.eContentType);
    signedInput = content; // hashed once, inside the signature check
  }
  // --- signature ---
  checkSignatureValue(signatureAlgorithm, signer.publicKey().key, signedInput, si.signature);

  return {
    signerCertificate: signer,
    certificates,
    contentType: sd.eContentType,
    content,
    digestAlgorithm,
    signatureAlgorithm,
    signingTime,
    signedAttributesPresent: si.signedAttrs !== undefined,
    signingCertificateV2Checked,
    warnings,
  };
}
