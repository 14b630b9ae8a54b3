/**
 * crlExtensions (RFC 5280 §5.2): the ones that decide whether and to what a CRL applies.
 * Parsed from a copy of the [0] element (small), with the general strict reader.
 */
import { GatewayError } from '../../errors.js';
import { TAG, cursor, parseDer, whole, type Tlv } from '../../pki/der.js';
import { isNegativeInteger, readBoolean, readIntegerBytes, readOctetString, readOid } from '../../pki/der-values.js';
import { decodeAuthorityKeyIdentifier, readGeneralNames, type GeneralName } from '../../pki/extensions.js';
import { OID } from '../../pki/oids.js';

export interface IssuingDistributionPoint {
  /** distributionPoint fullName (JPKI: one directoryName per municipality partition). */
  readonly fullName: readonly GeneralName[] | undefined;
  /** nameRelativeToCRLIssuer as an RDN (SET) DER, if that form is used. */
  readonly relativeName: Uint8Array | undefined;
  readonly onlyContainsUserCerts: boolean;
  readonly onlyContainsCACerts: boolean;
  readonly onlySomeReasons: boolean;
  readonly indirectCRL: boolean;
  readonly onlyContainsAttributeCerts: boolean;
}

export interface CrlExtensionFacts {
  readonly crlNumber: bigint | undefined;
  readonly authorityKeyId: Uint8Array | undefined;
  readonly deltaCrlIndicator: boolean;
  readonly idp: IssuingDistributionPoint | undefined;
  readonly unknownCritical: readonly string[];
}

/** Recognised and deliberately not acted on (informational, RFC 5280 §5.2.2, §5.2.6, §5.2.7). */
const INFORMATIONAL = new Set<string>([OID.issuerAltName, OID.freshestCrl, OID.authorityInfoAccess]);

/** Parses the `[0] EXPLICIT Extensions` element given as its full DER. */
export function parseCrlExtensions(der: Uint8Array): CrlExtensionFacts {
  const root = parseDer(der);
  const wrap = cursor(der, root, 'crlExtensions');
  const list = cursor(der, wrap.next(TAG.SEQUENCE), 'Extensions');
  wrap.end();
  if (list.done) throw new GatewayError('ERR_DER_STRUCTURE', 'empty crlExtensions');
  const seen = new Set<string>();
  const unknownCritical: string[] = [];
  let crlNumber: bigint | undefined;
  let authorityKeyId: Uint8Array | undefined;
  let deltaCrlIndicator = false;
  let idp: IssuingDistributionPoint | undefined;
  while (!list.done) {
    const e = cursor(der, list.next(TAG.SEQUENCE), 'Extension');
    const oid = readOid(der, e.next(TAG.OID));
    const critT = e.optional(TAG.BOOLEAN);
    if (critT && !readBoolean(der, critT))
      throw new GatewayError('ERR_DER_NOT_CANONICAL', 'critical FALSE encoded explicitly');
    const v = readOctetString(der, e.next(TAG.OCTET_STRING));
    e.end();
    // RFC 5280 §5.2: each extension at most once
    if (seen.has(oid)) throw new GatewayError('ERR_CRL_MALFORMED', `repeated CRL extension ${oid}`);
    seen.add(oid);
    try {
      if (oid === OID.crlNumber) crlNumber = readCrlNumber(v);
      else if (oid === OID.deltaCrlIndicator) deltaCrlIndicator = readCrlNumber(v) >= 0n;
      else if (oid === OID.authorityKeyIdentifier) authorityKeyId = decodeAuthorityKeyIdentifier(v).keyId;
      else if (oid === OID.issuingDistributionPoint) idp = readIdp(v);
      else if (!INFORMATIONAL.has(oid) && critT) unknownCritical.push(oid);
    } catch (err) {
      if (err instanceof GatewayError && err.code !== 'ERR_CRL_MALFORMED') {
        throw new GatewayError('ERR_CRL_MALFORMED', `extension ${oid}: ${err.detail ?? err.code}`);
      }
      throw err;
    }
  }
  return { crlNumber, authorityKeyId, deltaCrlIndicator, idp, unknownCritical };
}

/** CRLNumber ::= INTEGER (0..MAX), at most 20 octets (RFC 5280 §5.2.3). */
function readCrlNumber(v: Uint8Array): bigint {
  const t = parseDer(v);
  const bytes = readIntegerBytes(v, t);
  if (isNegativeInteger(bytes)) throw new GatewayError('ERR_CRL_MALFORMED', 'negative CRL number');
  if (bytes.length > 21) throw new GatewayError('ERR_CRL_MALFORMED', 'CRL number longer than 20 octets');
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** IssuingDistributionPoint (RFC 5280 §5.2.5); context tags are IMPLICIT except the CHOICE. */
function readIdp(v: Uint8Array): IssuingDistributionPoint {
  const root = parseDer(v);
  const c = cursor(v, root, 'IssuingDistributionPoint');
  if (c.done) throw new GatewayError('ERR_CRL_MALFORMED', 'empty issuingDistributionPoint');
  let fullName: GeneralName[] | undefined;
  let relativeName: Uint8Array | undefined;
  const dp = c.optional(0xa0);
  if (dp) {
    const dc = cursor(v, dp, 'DistributionPointName');
    const fn = dc.optional(0xa0);
    if (fn) {
      fullName = readGeneralNames(v, fn);
      if (fullName.length === 0) throw new GatewayError('ERR_CRL_MALFORMED', 'empty IDP fullName');
    } else {
      const rel = dc.next(0xa1);
      relativeName = Uint8Array.from(whole(v, rel));
      relativeName[0] = TAG.SET; // [1] IMPLICIT RelativeDistinguishedName → the plain SET
    }
    dc.end();
  }
  const flag = (tag: number): boolean => {
    const t = c.optional(tag);
    if (!t) return false;
    // X.690 §11.5: DEFAULT FALSE must be omitted, so an encoded flag is TRUE
    if (!readBoolean(v, { ...t, tag: TAG.BOOLEAN } as Tlv))
      throw new GatewayError('ERR_DER_NOT_CANONICAL', 'IDP flag FALSE encoded');
    return true;
  };
  const onlyContainsUserCerts = flag(0x81);
  const onlyContainsCACerts = flag(0x82);
  const onlySomeReasons = c.optional(0x83) !== undefined;
  const indirectCRL = flag(0x84);
  const onlyContainsAttributeCerts = flag(0x85);
  c.end();
  const scopes = [onlyContainsUserCerts, onlyContainsCACerts, onlyContainsAttributeCerts].filter(Boolean).length;
  if (scopes > 1) throw new GatewayError('ERR_CRL_MALFORMED', 'IDP asserts more than one only-contains flag');
  return {
    fullName,
    relativeName,
    onlyContainsUserCerts,
    onlyContainsCACerts,
    onlySomeReasons,
    indirectCRL,
    onlyContainsAttributeCerts,
  };
}
