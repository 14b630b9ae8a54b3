import { createHash, type KeyObject } from 'node:crypto';
import {
  bitString,
  bool,
  explicit,
  ia5,
  implicit,
  integer,
  octetString,
  oid,
  seq,
  tlv,
  utf8,
} from '../pki/der-write.js';
import { OID } from '../pki/oids.js';

// Extension *value* builders (the DER inside extnValue). Each returns bytes so tests can
// combine them freely with any OID and criticality, including combinations no CA would issue.

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

const KEY_USAGE_BITS: readonly KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

/** RFC 5280 §4.2.1.3 as a DER named BIT STRING: trailing zero bits removed (X.690 §11.2.2). */
export function keyUsage(names: readonly KeyUsageName[]): Uint8Array {
  const bits = names.map((n) => {
    const i = KEY_USAGE_BITS.indexOf(n);
    if (i < 0) throw new TypeError(`keyUsage: unknown name ${n}`);
    return i;
  });
  if (bits.length === 0) return bitString(new Uint8Array(0));
  const highest = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const b of bits) bytes[b >> 3] = (bytes[b >> 3] ?? 0) | (0x80 >> (b & 7));
  return bitString(bytes, 7 - (highest & 7));
}

/** RFC 5280 §4.2.1.9; cA FALSE is the DEFAULT and therefore omitted. */
export function basicConstraints(ca: boolean, pathLen?: number): Uint8Array {
  return seq(...(ca ? [bool(true)] : []), ...(pathLen === undefined ? [] : [integer(pathLen)]));
}

/** The subjectPublicKey BIT STRING contents (without the unused-bits octet) of a key. */
export function subjectPublicKeyBits(publicKey: KeyObject): Uint8Array {
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  // SPKI ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
  let pos = headerLength(spki, 0);
  pos += headerLength(spki, pos) + contentLength(spki, pos);
  const start = pos + headerLength(spki, pos);
  return spki.subarray(start + 1, start + contentLength(spki, pos));
}

function headerLength(b: Uint8Array, pos: number): number {
  const l = b[pos + 1] ?? 0;
  return l < 0x80 ? 2 : 2 + (l & 0x7f);
}

function contentLength(b: Uint8Array, pos: number): number {
  const l = b[pos + 1] ?? 0;
  if (l < 0x80) return l;
  let n = 0;
  for (let i = 0; i < (l & 0x7f); i++) n = n * 256 + (b[pos + 2 + i] ?? 0);
  return n;
}

/** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING contents. */
export function keyIdentifier(publicKey: KeyObject): Uint8Array {
  return new Uint8Array(createHash('sha1').update(subjectPublicKeyBits(publicKey)).digest());
}

/** A KeyObject gets its method-(1) key id; raw bytes are used as-is (to craft mismatches). */
export function subjectKeyIdentifier(keyOrId: KeyObject | Uint8Array): Uint8Array {
  return octetString(keyOrId instanceof Uint8Array ? keyOrId : keyIdentifier(keyOrId));
}

// GeneralName choices (RFC 5280 §4.2.1.6). directoryName is EXPLICIT because Name is a CHOICE.
export const generalName = {
  otherName: (typeOid: string, value: string): Uint8Array =>
    tlv(0xa0, new Uint8Array([...oid(typeOid), ...explicit(0, utf8(value))])),
  uri: (uri: string): Uint8Array => implicit(6, ia5(uri)),
  directoryName: (nameDer: Uint8Array): Uint8Array => explicit(4, nameDer),
};

export function generalNames(...names: Uint8Array[]): Uint8Array {
  return seq(...names);
}

/** RFC 5280 §4.2.1.1: [0] keyIdentifier, [1] authorityCertIssuer, [2] authorityCertSerialNumber. */
export function authorityKeyIdentifier(
  keyId?: Uint8Array,
  issuerName?: Uint8Array,
  serial?: bigint | Uint8Array,
): Uint8Array {
  return seq(
    ...(keyId ? [implicit(0, octetString(keyId))] : []),
    ...(issuerName ? [implicit(1, generalNames(generalName.directoryName(issuerName)), true)] : []),
    ...(serial !== undefined ? [implicit(2, integer(serial))] : []),
  );
}

/** RFC 5280 §4.2.1.4: PolicyInformation without qualifiers, one per OID. */
export function certificatePolicies(oids: readonly string[]): Uint8Array {
  return seq(...oids.map((o) => seq(oid(o))));
}

/** RFC 5280 §4.2.1.12. */
export function extKeyUsage(oids: readonly string[]): Uint8Array {
  return seq(...oids.map((o) => oid(o)));
}

/** RFC 5280 §4.2.1.13: one DistributionPoint whose fullName is a directoryName (JPKI style). */
export function crlDistributionPointDirName(nameDer: Uint8Array): Uint8Array {
  return seq(seq(explicit(0, implicit(0, generalNames(generalName.directoryName(nameDer)), true))));
}

/** otherName entries, each SEQUENCE { type-id OID, [0] EXPLICIT UTF8String } (RFC 5280 §4.2.1.6). */
export function subjectAltNameOtherNames(entries: readonly { oid: string; utf8: string }[]): Uint8Array {
  return generalNames(...entries.map((e) => generalName.otherName(e.oid, e.utf8)));
}

export function subjectAltNameDirName(nameDer: Uint8Array): Uint8Array {
  return generalNames(generalName.directoryName(nameDer));
}

export function issuerAltNameDirName(nameDer: Uint8Array): Uint8Array {
  return generalNames(generalName.directoryName(nameDer));
}

/** RFC 5280 §4.2.2.1: one id-ad-ocsp accessLocation URI. */
export function authorityInfoAccessOcsp(url: string): Uint8Array {
  return seq(seq(oid(OID.adOcsp), generalName.uri(url)));
}
