/**
 * ContentInfo → SignedData skeleton (RFC 5652 §3, §5.1, §5.2), in one pass over offsets.
 * Only the shape is decided here; every rule about the values lives in checks/.
 */
import { GatewayError } from '../errors.js';
import { TAG, cursor, parseDer, whole, type Tlv } from '../pki/der.js';
import { readOctetString, readOid, readSmallInt } from '../pki/der-values.js';
import { OID } from '../pki/oids.js';
import type { UnverifiedSignedData } from './types.js';

/** Parses `buf` (already size-checked) as a ContentInfo carrying SignedData. */
export function parseSignedData(buf: Uint8Array, maxDepth: number): UnverifiedSignedData {
  const root = parseDer(buf, maxDepth);
  const contentInfo = readContentInfo(buf, root);

  const c = cursor(buf, contentInfo, 'SignedData');
  const version = readSmallInt(buf, c.next(TAG.INTEGER));
  const digestAlgorithmOids = readDigestAlgorithmOids(buf, c.next(TAG.SET));
  const { eContentType, eContent } = readEncapContentInfo(buf, c.next(TAG.SEQUENCE));
  const certsT = c.optional(0xa0);
  const crlsT = c.optional(0xa1);
  const signerInfosT = c.next(TAG.SET);
  c.end();

  const certificates: Uint8Array[] = [];
  if (certsT) {
    const cc = cursor(buf, certsT, 'CertificateSet');
    while (!cc.done) {
      const t = cc.next();
      // RFC 5652 §10.2.2: only the plain Certificate choice is accepted; attribute and
      // "other" certificates have no place in a JPKI signature (fail closed).
      if (t.tag !== TAG.SEQUENCE) {
        throw new GatewayError('ERR_DER_STRUCTURE', `unsupported CertificateChoices tag 0x${t.tag.toString(16)}`);
      }
      certificates.push(whole(buf, t));
    }
  }

  const signerInfos: Tlv[] = [];
  const sc = cursor(buf, signerInfosT, 'SignerInfos');
  while (!sc.done) signerInfos.push(sc.next(TAG.SEQUENCE));

  return {
    buf,
    version,
    digestAlgorithmOids,
    eContentType,
    eContent,
    certificates,
    crlsPresent: crlsT !== undefined,
    signerInfos,
  };
}

/** RFC 5652 §3: ContentInfo ::= SEQUENCE { contentType, content [0] EXPLICIT ANY }. */
function readContentInfo(buf: Uint8Array, root: Tlv): Tlv {
  if (root.tag !== TAG.SEQUENCE) throw new GatewayError('ERR_CMS_NOT_SIGNED_DATA', 'not a SEQUENCE');
  const c = cursor(buf, root, 'ContentInfo');
  if (c.peekTag() !== TAG.OID) throw new GatewayError('ERR_CMS_NOT_SIGNED_DATA', 'no contentType');
  const contentType = readOid(buf, c.next(TAG.OID));
  if (contentType !== OID.signedData) throw new GatewayError('ERR_CMS_NOT_SIGNED_DATA', `contentType ${contentType}`);
  const explicit = c.next(0xa0);
  c.end();
  const inner = cursor(buf, explicit, 'ContentInfo.content');
  const signedData = inner.next(TAG.SEQUENCE);
  inner.end();
  return signedData;
}

function readDigestAlgorithmOids(buf: Uint8Array, set: Tlv): string[] {
  const out: string[] = [];
  const c = cursor(buf, set, 'digestAlgorithms');
  while (!c.done) out.push(readOid(buf, cursor(buf, c.next(TAG.SEQUENCE), 'DigestAlgorithmIdentifier').next(TAG.OID)));
  return out;
}

/** RFC 5652 §5.2: EncapsulatedContentInfo ::= SEQUENCE { eContentType, eContent [0] EXPLICIT OCTET STRING OPTIONAL }. */
function readEncapContentInfo(buf: Uint8Array, t: Tlv): { eContentType: string; eContent: Uint8Array | undefined } {
  const c = cursor(buf, t, 'EncapsulatedContentInfo');
  const eContentType = readOid(buf, c.next(TAG.OID));
  const wrapper = c.optional(0xa0);
  c.end();
  if (!wrapper) return { eContentType, eContent: undefined };
  const w = cursor(buf, wrapper, 'eContent');
  // parseDer already refused a constructed (BER) OCTET STRING.
  const eContent = readOctetString(buf, w.next(TAG.OCTET_STRING));
  w.end();
  return { eContentType, eContent };
}
