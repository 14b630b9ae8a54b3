/**
 * peekCrlHeader: issuer, thisUpdate, nextUpdate and CRL number of a CRL without walking its
 * entries (RFC 5280 §5.1: the revokedCertificates SEQUENCE is skipped by its length). Used to
 * find the CRL a report names among those a deployment holds; the CRL is not verified here —
 * the verifier did that, and the auditor's `jpki-gateway verify` does it again.
 */
import { TAG, cursor, readTlv, value, whole } from '../pki/der.js';
import { readIntegerBytes, readOid, readTime } from '../pki/der-values.js';
import { OID } from '../pki/oids.js';

export interface CrlHeader {
  readonly issuerDer: Uint8Array;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | undefined;
  readonly crlNumber: bigint | undefined;
}

const isTime = (tag: number | undefined): boolean => tag === TAG.UTC_TIME || tag === TAG.GENERALIZED_TIME;

/** Throws GatewayError (ERR_DER_*) when the header does not parse. */
export function peekCrlHeader(der: Uint8Array): CrlHeader {
  const outer = readTlv(der, 0);
  const tbs = readTlv(der, outer.valueStart, outer.end);
  const c = cursor(der, tbs, 'TBSCertList');
  c.optional(TAG.INTEGER); // version
  c.next(TAG.SEQUENCE); // signature
  const issuerDer = whole(der, c.next(TAG.SEQUENCE));
  const thisUpdate = new Date(readTime(der, c.next()));
  const nextUpdate = isTime(c.peekTag()) ? new Date(readTime(der, c.next())) : undefined;
  c.optional(TAG.SEQUENCE); // revokedCertificates
  let crlNumber: bigint | undefined;
  const extsT = c.optional(0xa0);
  if (extsT) {
    const list = cursor(der, readTlv(der, extsT.valueStart, extsT.end), 'crlExtensions');
    while (!list.done) {
      const ext = cursor(der, list.next(TAG.SEQUENCE), 'Extension');
      const oid = readOid(der, ext.next(TAG.OID));
      ext.optional(TAG.BOOLEAN);
      const octets = ext.next(TAG.OCTET_STRING);
      if (oid !== OID.crlNumber) continue;
      const inner = value(der, octets);
      const n = readIntegerBytes(inner, readTlv(inner, 0));
      crlNumber = BigInt(`0x${Buffer.from(n).toString('hex') || '0'}`);
    }
  }
  return { issuerDer, thisUpdate, nextUpdate, crlNumber };
}
