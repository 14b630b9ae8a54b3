/**
 * Decoders for the certificate extensions we act on (RFC 5280 §4.2). Each one is strict:
 * a malformed extension makes the certificate malformed, whatever its criticality.
 */
import { GatewayError } from '../errors.js';
import { TAG, cursor, parseDer, value, whole, type Tlv } from './der.js';
import {
  readBoolean,
  readIntegerBytes,
  readNamedBits,
  readOctetString,
  readOid,
  readSmallInt,
  readString,
} from './der-values.js';
import { OID } from './oids.js';

export const KEY_USAGE_BITS = {
  digitalSignature: 1 << 0,
  nonRepudiation: 1 << 1,
  keyEncipherment: 1 << 2,
  dataEncipherment: 1 << 3,
  keyAgreement: 1 << 4,
  keyCertSign: 1 << 5,
  cRLSign: 1 << 6,
  encipherOnly: 1 << 7,
  decipherOnly: 1 << 8,
} as const;
export type KeyUsageName = keyof typeof KEY_USAGE_BITS;

export interface BasicConstraints {
  readonly ca: boolean;
  readonly pathLen: number | undefined;
}

export interface AuthorityKeyIdentifier {
  readonly keyId: Uint8Array | undefined;
  readonly issuerNames: readonly GeneralName[];
  readonly serial: Uint8Array | undefined;
}

/** GeneralName (RFC 5280 §4.2.1.6), kept raw except the forms we read. */
export type GeneralName =
  | { readonly type: 'directoryName'; readonly der: Uint8Array }
  | { readonly type: 'uri' | 'dns' | 'email'; readonly value: string }
  | { readonly type: 'otherName'; readonly oid: string; readonly valueDer: Uint8Array }
  | { readonly type: 'other'; readonly tag: number };

export interface DistributionPoint {
  readonly fullName: readonly GeneralName[] | undefined;
  readonly hasRelativeName: boolean;
  readonly hasReasons: boolean;
  readonly hasCrlIssuer: boolean;
}

function ext(der: Uint8Array, depth = 16): { buf: Uint8Array; root: Tlv } {
  return { buf: der, root: parseDer(der, depth) };
}

/** The extension value's outer element must be a SEQUENCE (cursor() does not check its parent's tag). */
function seqRoot(der: Uint8Array, what: string): { buf: Uint8Array; c: ReturnType<typeof cursor> } {
  const { buf, root } = ext(der);
  if (root.tag !== TAG.SEQUENCE) throw new GatewayError('ERR_DER_STRUCTURE', `${what} must be a SEQUENCE`);
  return { buf, c: cursor(buf, root, what) };
}

export function decodeBasicConstraints(der: Uint8Array): BasicConstraints {
  const { buf, c } = seqRoot(der, 'BasicConstraints');
  let ca = false;
  const b = c.optional(TAG.BOOLEAN);
  if (b) {
    ca = readBoolean(buf, b);
    // X.690 §11.5: DEFAULT values must not be encoded
    if (!ca) throw new GatewayError('ERR_DER_NOT_CANONICAL', 'cA FALSE encoded explicitly');
  }
  const p = c.optional(TAG.INTEGER);
  c.end();
  return { ca, pathLen: p ? readSmallInt(buf, p) : undefined };
}

export function decodeKeyUsage(der: Uint8Array): number {
  const { buf, root } = ext(der);
  const mask = readNamedBits(buf, root);
  if (mask === 0) throw new GatewayError('ERR_CERT_MALFORMED', 'keyUsage with no bit set');
  return mask;
}

export function decodeOidSequence(der: Uint8Array, what: string): string[] {
  const { buf, c } = seqRoot(der, what);
  const out: string[] = [];
  while (!c.done) out.push(readOid(buf, c.next(TAG.OID)));
  if (out.length === 0) throw new GatewayError('ERR_CERT_MALFORMED', `empty ${what}`);
  return out;
}

export function decodeSubjectKeyIdentifier(der: Uint8Array): Uint8Array {
  const { buf, root } = ext(der);
  return readOctetString(buf, root);
}

export function decodeAuthorityKeyIdentifier(der: Uint8Array): AuthorityKeyIdentifier {
  const { buf, c } = seqRoot(der, 'AuthorityKeyIdentifier');
  const k = c.optional(0x80);
  const n = c.optional(0xa1);
  const s = c.optional(0x82);
  c.end();
  if ((n === undefined) !== (s === undefined)) {
    throw new GatewayError('ERR_CERT_MALFORMED', 'AKI issuer and serial must appear together');
  }
  return {
    keyId: k ? value(buf, k) : undefined,
    issuerNames: n ? readGeneralNames(buf, n) : [],
    serial: s ? readIntegerBytes(buf, s, 0x82) : undefined,
  };
}

/** Certificate policy OIDs (RFC 5280 §4.2.1.4); qualifiers are skipped, duplicates rejected. */
export function decodeCertificatePolicies(der: Uint8Array): string[] {
  const { buf, c } = seqRoot(der, 'certificatePolicies');
  const out: string[] = [];
  while (!c.done) {
    const pi = cursor(buf, c.next(TAG.SEQUENCE), 'PolicyInformation');
    const oid = readOid(buf, pi.next(TAG.OID));
    if (!pi.done) pi.next(TAG.SEQUENCE);
    pi.end();
    if (out.includes(oid)) throw new GatewayError('ERR_CERT_MALFORMED', 'repeated policy');
    out.push(oid);
  }
  if (out.length === 0) throw new GatewayError('ERR_CERT_MALFORMED', 'empty certificatePolicies');
  return out;
}

/** GeneralNames inside a constructed node (SEQUENCE or an IMPLICIT context tag). */
export function readGeneralNames(buf: Uint8Array, t: Tlv): GeneralName[] {
  const c = cursor(buf, t, 'GeneralNames');
  const out: GeneralName[] = [];
  while (!c.done) out.push(readGeneralName(buf, c.next()));
  return out;
}

export function readGeneralName(buf: Uint8Array, g: Tlv): GeneralName {
  switch (g.tag) {
    case 0xa0: {
      const c = cursor(buf, g, 'otherName');
      const oid = readOid(buf, c.next(TAG.OID));
      const v = c.next(0xa0);
      c.end();
      return { type: 'otherName', oid, valueDer: value(buf, v) };
    }
    case 0x81:
    case 0x82:
    case 0x86: {
      const s = readString(buf, { ...g, tag: TAG.IA5_STRING });
      return { type: g.tag === 0x81 ? 'email' : g.tag === 0x82 ? 'dns' : 'uri', value: s };
    }
    case 0xa4: {
      const c = cursor(buf, g, 'directoryName');
      const n = c.next(TAG.SEQUENCE);
      c.end();
      return { type: 'directoryName', der: whole(buf, n) };
    }
    default:
      return { type: 'other', tag: g.tag };
  }
}

export function decodeGeneralNamesExtension(der: Uint8Array): GeneralName[] {
  const { buf, root } = ext(der);
  if (root.tag !== TAG.SEQUENCE) throw new GatewayError('ERR_DER_STRUCTURE', 'GeneralNames');
  return readGeneralNames(buf, root);
}

export function decodeCrlDistributionPoints(der: Uint8Array): DistributionPoint[] {
  const { buf, c } = seqRoot(der, 'CRLDistributionPoints');
  const out: DistributionPoint[] = [];
  while (!c.done) {
    const dp = cursor(buf, c.next(TAG.SEQUENCE), 'DistributionPoint');
    const name = dp.optional(0xa0);
    const reasons = dp.optional(0x81);
    const issuer = dp.optional(0xa2);
    dp.end();
    let fullName: GeneralName[] | undefined;
    let hasRelativeName = false;
    if (name) {
      const nc = cursor(buf, name, 'DistributionPointName');
      const fn = nc.optional(0xa0);
      if (fn) fullName = readGeneralNames(buf, fn);
      else hasRelativeName = nc.next(0xa1) !== undefined;
      nc.end();
    }
    out.push({ fullName, hasRelativeName, hasReasons: !!reasons, hasCrlIssuer: !!issuer });
  }
  return out;
}

/** OCSP responder URLs from authorityInfoAccess (RFC 5280 §4.2.2.1). */
export function decodeAiaOcspUrls(der: Uint8Array): string[] {
  const { buf, c } = seqRoot(der, 'AuthorityInfoAccess');
  const out: string[] = [];
  while (!c.done) {
    const ad = cursor(buf, c.next(TAG.SEQUENCE), 'AccessDescription');
    const method = readOid(buf, ad.next(TAG.OID));
    const loc = readGeneralName(buf, ad.next());
    ad.end();
    if (method === OID.adOcsp && loc.type === 'uri') out.push(loc.value);
  }
  return out;
}
