import { createHash } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import { NODE_HASH, parseDigestAlgorithm, type HashName } from '../../pki/algorithms.js';
import type { Certificate } from '../../pki/certificate.js';
import { TAG, cursor, value, whole, type Tlv } from '../../pki/der.js';
import { bytesEqual, readIntegerBytes } from '../../pki/der-values.js';
import { namesEqual, parseName } from '../../pki/name.js';
import { OID } from '../../pki/oids.js';
import { attributesOfType } from '../parse-attributes.js';
import type { Attribute, Warning } from '../types.js';

/** AlgorithmIdentifier { id-sha256 } without parameters: the DEFAULT, which DER omits (X.690 §11.5). */
const DEFAULT_SHA256 = Uint8Array.of(0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01);

export interface SigningCertificateResult {
  readonly checked: boolean;
  readonly warnings: readonly Warning[];
}

// RFC 5035 §3 / RFC 2634 §5.4: the first ESSCertIDv2 must identify the signer certificate
// (hash, and issuer + serial when present). The SHA-1 v1 attribute is only reported.
export function checkSigningCertificateAttribute(
  buf: Uint8Array,
  attributes: readonly Attribute[],
  signer: Certificate,
): SigningCertificateResult {
  const warnings: Warning[] = [];
  if (attributesOfType(attributes, OID.signingCertificate).length > 0) {
    warnings.push({
      code: 'WARN_CMS_SIGNING_CERTIFICATE_V1',
      message: 'signing-certificate (SHA-1 ESSCertID) attribute present and not checked',
    });
  }
  const v2 = attributesOfType(attributes, OID.signingCertificateV2);
  if (v2.length === 0) return { checked: false, warnings };
  const values = v2[0]!.values; // repetition of the attribute is refused by checkAttributeDuplicates
  if (values.length !== 1) throw new GatewayError('ERR_CMS_ATTR_SIGNING_CERT', `${values.length} values`);
  try {
    checkFirstCertId(buf, values[0]!, signer);
  } catch (e) {
    if (e instanceof GatewayError && e.code.startsWith('ERR_DER_')) {
      throw new GatewayError('ERR_CMS_ATTR_SIGNING_CERT', `malformed: ${e.detail ?? e.code}`);
    }
    throw e;
  }
  return { checked: true, warnings };
}

function checkFirstCertId(buf: Uint8Array, t: Tlv, signer: Certificate): void {
  const top = cursor(buf, t, 'SigningCertificateV2');
  const certs = cursor(buf, top.next(TAG.SEQUENCE), 'certs');
  top.optional(TAG.SEQUENCE); // policies: not used for validation
  top.end();
  if (certs.done) throw new GatewayError('ERR_CMS_ATTR_SIGNING_CERT', 'no ESSCertIDv2');
  const id = cursor(buf, certs.next(TAG.SEQUENCE), 'ESSCertIDv2');
  let hash: HashName = 'SHA-256';
  const algT = id.optional(TAG.SEQUENCE);
  if (algT) {
    if (bytesEqual(whole(buf, algT), DEFAULT_SHA256)) {
      throw new GatewayError('ERR_CMS_SIGNED_ATTRS_NOT_DER', 'ESSCertIDv2 encodes the DEFAULT hashAlgorithm');
    }
    hash = parseDigestAlgorithm(buf, algT);
  }
  const certHash = value(buf, id.next(TAG.OCTET_STRING));
  const issuerSerial = id.optional(TAG.SEQUENCE);
  id.end();
  const actual = hash === 'SHA-256' ? signer.sha256() : createHash(NODE_HASH[hash]).update(signer.der).digest();
  if (!bytesEqual(certHash, actual)) throw new GatewayError('ERR_CMS_ATTR_SIGNING_CERT', 'certHash differs');
  if (issuerSerial) checkIssuerSerial(buf, issuerSerial, signer);
}

/** IssuerSerial: the issuer as the only GeneralName, a directoryName (RFC 2634 §5.4.1). */
function checkIssuerSerial(buf: Uint8Array, t: Tlv, signer: Certificate): void {
  const c = cursor(buf, t, 'IssuerSerial');
  const names = cursor(buf, c.next(TAG.SEQUENCE), 'GeneralNames');
  const serial = readIntegerBytes(buf, c.next(TAG.INTEGER));
  c.end();
  const dirName = cursor(buf, names.next(0xa4), 'directoryName');
  names.end();
  const issuerT = dirName.next(TAG.SEQUENCE);
  dirName.end();
  const sameIssuer =
    bytesEqual(whole(buf, issuerT), signer.issuer.der) || namesEqual(parseName(buf, issuerT), signer.issuer);
  if (!sameIssuer || !bytesEqual(serial, signer.serial)) {
    throw new GatewayError('ERR_CMS_ATTR_SIGNING_CERT', 'issuerSerial does not name the signer certificate');
  }
}
