/**
 * Strict structural parsing of OCSPResponse and BasicOCSPResponse (RFC 6960 §4.2.1, ASN.1
 * module in Appendix B.1: EXPLICIT tags) with our DER reader. Nothing here is trusted yet:
 * the checks in verify-ocsp-response decide. Any DER or certificate defect becomes
 * ERR_OCSP_MALFORMED so that a bad response can only ever mean "no revocation evidence".
 */
import { GatewayError } from '../../errors.js';
import { parseCertificateFromCheckedTree, type Certificate } from '../../pki/certificate.js';
import { TAG, cursor, parseDer, whole, type Tlv } from '../../pki/der.js';
import { readBitString, readBoolean, readOctetString, readOid, readSmallInt, readTime } from '../../pki/der-values.js';
import { parseName } from '../../pki/name.js';
import { parseCertId } from './cert-id.js';
import type {
  OcspExtension,
  ResponderId,
  UnverifiedBasicResponse,
  UnverifiedCertStatus,
  UnverifiedSingleResponse,
} from './types.js';

/** More would only be a way to make us parse and verify more: real responders send 0–2. */
const MAX_CERTS = 4;
const MAX_DEPTH = 24;

export interface UnverifiedOcspResponse {
  readonly responseStatus: number;
  readonly responseType: string | undefined;
  /** The `response` OCTET STRING contents (a BasicOCSPResponse for id-pkix-ocsp-basic). */
  readonly response: Uint8Array | undefined;
}

/** OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes [0] EXPLICIT ResponseBytes OPTIONAL } */
export function parseOcspResponse(der: Uint8Array): UnverifiedOcspResponse {
  return malformedOnError('OCSPResponse', () => {
    const root = sequenceRoot(der);
    const c = cursor(der, root, 'OCSPResponse');
    const responseStatus = readSmallInt(der, c.next(TAG.ENUMERATED), TAG.ENUMERATED);
    const wrapper = c.optional(0xa0);
    c.end();
    if (!wrapper) return { responseStatus, responseType: undefined, response: undefined };
    const w = cursor(der, wrapper, 'responseBytes');
    const rb = cursor(der, w.next(TAG.SEQUENCE), 'ResponseBytes');
    w.end();
    const responseType = readOid(der, rb.next(TAG.OID));
    const response = readOctetString(der, rb.next(TAG.OCTET_STRING));
    rb.end();
    return { responseStatus, responseType, response };
  });
}

function sequenceRoot(der: Uint8Array): Tlv {
  const root = parseDer(der, MAX_DEPTH);
  if (root.tag !== TAG.SEQUENCE) throw new GatewayError('ERR_DER_STRUCTURE', 'not a SEQUENCE');
  return root;
}

/** BasicOCSPResponse ::= SEQUENCE { tbsResponseData, signatureAlgorithm, signature, certs [0] EXPLICIT OPTIONAL } */
export function parseBasicOcspResponse(der: Uint8Array): UnverifiedBasicResponse {
  return malformedOnError('BasicOCSPResponse', () => {
    const root = sequenceRoot(der);
    const c = cursor(der, root, 'BasicOCSPResponse');
    const tbsT = c.next(TAG.SEQUENCE);
    const algT = c.next(TAG.SEQUENCE);
    const signature = readBitString(der, c.next(TAG.BIT_STRING)).bytes;
    const certsT = c.optional(0xa0);
    c.end();
    return {
      der,
      tbs: whole(der, tbsT),
      ...parseTbs(der, tbsT),
      signatureAlgorithmDer: whole(der, algT),
      signature,
      certs: certsT ? parseCerts(der, certsT) : [],
    };
  });
}

function parseTbs(der: Uint8Array, t: Tlv) {
  const c = cursor(der, t, 'ResponseData');
  const v = c.optional(0xa0);
  if (v) {
    const vc = cursor(der, v, 'version');
    const version = readSmallInt(der, vc.next(TAG.INTEGER));
    vc.end();
    // X.690 §11.5: the DEFAULT v1 is not encoded; no other version is defined
    throw new GatewayError('ERR_DER_STRUCTURE', version === 0 ? 'explicit DEFAULT version' : `version ${version + 1}`);
  }
  const responderId = parseResponderId(der, c.next());
  const producedAt = readGeneralizedTime(der, c.next(TAG.GENERALIZED_TIME));
  const list = cursor(der, c.next(TAG.SEQUENCE), 'responses');
  const responses: UnverifiedSingleResponse[] = [];
  while (!list.done) responses.push(parseSingleResponse(der, list.next(TAG.SEQUENCE)));
  const extT = c.optional(0xa1);
  c.end();
  return { responderId, producedAt, responses, extensions: extT ? parseExtensions(der, extT) : [] };
}

// ResponderID ::= CHOICE { byName [1] Name, byKey [2] KeyHash } — EXPLICIT (module default)
function parseResponderId(der: Uint8Array, t: Tlv): ResponderId {
  const c = cursor(der, t, 'ResponderID');
  let id: ResponderId;
  if (t.tag === 0xa1) id = { kind: 'name', name: parseName(der, c.next(TAG.SEQUENCE)) };
  else if (t.tag === 0xa2) {
    const keyHash = readOctetString(der, c.next(TAG.OCTET_STRING));
    if (keyHash.length !== 20) throw new GatewayError('ERR_DER_STRUCTURE', 'KeyHash is not a SHA-1 hash');
    id = { kind: 'key', keyHash };
  } else throw new GatewayError('ERR_DER_STRUCTURE', `ResponderID tag 0x${t.tag.toString(16)}`);
  c.end();
  return id;
}

function parseSingleResponse(der: Uint8Array, t: Tlv): UnverifiedSingleResponse {
  const c = cursor(der, t, 'SingleResponse');
  const certId = parseCertId(der, c.next(TAG.SEQUENCE));
  const status = parseCertStatus(der, c.next());
  const thisUpdate = readGeneralizedTime(der, c.next(TAG.GENERALIZED_TIME));
  const nextT = c.optional(0xa0);
  let nextUpdate: number | undefined;
  if (nextT) {
    const n = cursor(der, nextT, 'nextUpdate');
    nextUpdate = readGeneralizedTime(der, n.next(TAG.GENERALIZED_TIME));
    n.end();
  }
  const extT = c.optional(0xa1);
  c.end();
  return { certId, status, thisUpdate, nextUpdate, extensions: extT ? parseExtensions(der, extT) : [] };
}

// CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL }
function parseCertStatus(der: Uint8Array, t: Tlv): UnverifiedCertStatus {
  if (t.tag === 0x80 || t.tag === 0x82) {
    if (t.end !== t.valueStart) throw new GatewayError('ERR_DER_STRUCTURE', 'CertStatus NULL with content');
    return t.tag === 0x80 ? { kind: 'good' } : { kind: 'unknown' };
  }
  if (t.tag !== 0xa1) throw new GatewayError('ERR_DER_STRUCTURE', `CertStatus tag 0x${t.tag.toString(16)}`);
  const c = cursor(der, t, 'RevokedInfo');
  const revokedAt = readGeneralizedTime(der, c.next(TAG.GENERALIZED_TIME));
  const r = c.optional(0xa0);
  let reasonCode: number | undefined;
  if (r) {
    const rc = cursor(der, r, 'revocationReason');
    reasonCode = readSmallInt(der, rc.next(TAG.ENUMERATED), TAG.ENUMERATED);
    rc.end();
  }
  c.end();
  return { kind: 'revoked', revokedAt, reasonCode };
}

/** Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension, inside an EXPLICIT tag; no repeats (RFC 5280 §4.2). */
function parseExtensions(der: Uint8Array, wrapper: Tlv): OcspExtension[] {
  const w = cursor(der, wrapper, 'Extensions');
  const list = cursor(der, w.next(TAG.SEQUENCE), 'Extensions');
  w.end();
  const out: OcspExtension[] = [];
  if (list.done) throw new GatewayError('ERR_DER_STRUCTURE', 'empty Extensions');
  while (!list.done) {
    const e = cursor(der, list.next(TAG.SEQUENCE), 'Extension');
    const oid = readOid(der, e.next(TAG.OID));
    const critT = e.optional(TAG.BOOLEAN);
    const critical = critT ? readBoolean(der, critT) : false;
    if (critT && !critical) throw new GatewayError('ERR_DER_NOT_CANONICAL', 'critical FALSE encoded explicitly');
    const value = readOctetString(der, e.next(TAG.OCTET_STRING));
    e.end();
    if (out.some((x) => x.oid === oid)) throw new GatewayError('ERR_DER_STRUCTURE', `repeated extension ${oid}`);
    out.push({ oid, critical, value });
  }
  return out;
}

function parseCerts(der: Uint8Array, wrapper: Tlv): Certificate[] {
  const w = cursor(der, wrapper, 'certs');
  const list = cursor(der, w.next(TAG.SEQUENCE), 'certs');
  w.end();
  const out: Certificate[] = [];
  while (!list.done) {
    if (out.length === MAX_CERTS) throw new GatewayError('ERR_DER_STRUCTURE', `more than ${MAX_CERTS} certificates`);
    out.push(parseCertificateFromCheckedTree(whole(der, list.next(TAG.SEQUENCE))));
  }
  return out;
}

// RFC 6960 uses GeneralizedTime for every time (callers pass the tag to next()); readTime
// requires the RFC 5280 §4.1.2.5.2 form: seconds, Zulu, no fractions.
const readGeneralizedTime = readTime;

/**
 * A coded DER or certificate failure while parsing untrusted bytes is a malformed response.
 * Anything uncoded is our bug and propagates (the property tests look for exactly that).
 */
function malformedOnError<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof GatewayError) || e.code === 'ERR_OCSP_MALFORMED') throw e;
    throw new GatewayError('ERR_OCSP_MALFORMED', `${what}: ${e.code}${e.detail ? `: ${e.detail}` : ''}`, { cause: e });
  }
}
