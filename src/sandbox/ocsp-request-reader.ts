/**
 * Reads an OCSPRequest (RFC 6960 §4.1.1) for the sandbox responder with our strict DER reader:
 * the CertIDs asked about (with their exact DER, echoed in the answer) and the nonce
 * extension's extnValue (echoed verbatim, RFC 8954). Signed requests are not supported.
 */
import { GatewayError } from '../errors.js';
import { TAG, cursor, parseDer, whole } from '../pki/der.js';
import { readBoolean, readOctetString, readOid } from '../pki/der-values.js';
import { parseCertId } from '../revocation/ocsp/cert-id.js';
import { OCSP_OID } from '../revocation/ocsp/ocsp-oids.js';
import type { CertId } from '../revocation/ocsp/types.js';

export interface SandboxOcspRequest {
  readonly requests: readonly { readonly certIdDer: Uint8Array; readonly certId: CertId }[];
  /** extnValue of the nonce extension, when present. */
  readonly nonceExtnValue: Uint8Array | undefined;
}

const MAX_REQUESTS = 16;

/** Throws GatewayError (DER codes or ERR_DER_STRUCTURE) on anything but a well-formed request. */
export function readOcspRequest(der: Uint8Array): SandboxOcspRequest {
  const root = parseDer(der, 16);
  if (root.tag !== TAG.SEQUENCE) throw new GatewayError('ERR_DER_STRUCTURE', 'OCSPRequest is not a SEQUENCE');
  const top = cursor(der, root, 'OCSPRequest');
  const tbs = cursor(der, top.next(TAG.SEQUENCE), 'TBSRequest');
  if (top.optional(0xa0)) throw new GatewayError('ERR_DER_STRUCTURE', 'signed requests are not supported');
  top.end();
  if (tbs.optional(0xa0)) throw new GatewayError('ERR_DER_STRUCTURE', 'explicit request version');
  tbs.optional(0xa1); // requestorName: ignored
  const list = cursor(der, tbs.next(TAG.SEQUENCE), 'requestList');
  const requests: { certIdDer: Uint8Array; certId: CertId }[] = [];
  while (!list.done) {
    const r = cursor(der, list.next(TAG.SEQUENCE), 'Request');
    const idT = r.next(TAG.SEQUENCE);
    r.optional(0xa0); // singleRequestExtensions: ignored
    r.end();
    requests.push({ certIdDer: whole(der, idT), certId: parseCertId(der, idT) });
    if (requests.length > MAX_REQUESTS) throw new GatewayError('ERR_DER_STRUCTURE', 'too many requests');
  }
  if (requests.length === 0) throw new GatewayError('ERR_DER_STRUCTURE', 'empty requestList');
  let nonceExtnValue: Uint8Array | undefined;
  const extT = tbs.optional(0xa2);
  tbs.end();
  if (extT) {
    const w = cursor(der, extT, 'requestExtensions');
    const exts = cursor(der, w.next(TAG.SEQUENCE), 'Extensions');
    w.end();
    while (!exts.done) {
      const e = cursor(der, exts.next(TAG.SEQUENCE), 'Extension');
      const oid = readOid(der, e.next(TAG.OID));
      const crit = e.optional(TAG.BOOLEAN);
      if (crit) readBoolean(der, crit);
      const value = readOctetString(der, e.next(TAG.OCTET_STRING));
      e.end();
      if (oid === OCSP_OID.nonce) nonceExtnValue = value;
    }
  }
  return { requests, nonceExtnValue };
}
