/**
 * X.501 Names: parsing, display, and comparison per RFC 5280 §7.1 (a simplified
 * RFC 4518 string preparation: case folding and insignificant-space removal for
 * directory strings; binary comparison for anything else).
 */
import { GatewayError } from '../errors.js';
import { TAG, cursor, readTlv, type Tlv } from './der.js';
import { readOid, readString } from './der-values.js';
import { OID } from './oids.js';
import { FifoCache, bytesKey } from './fifo-cache.js';

export interface NameAttribute {
  readonly type: string;
  readonly tag: number;
  /** Decoded string for string types, undefined otherwise. */
  readonly text: string | undefined;
  /** The AttributeValue TLV bytes. */
  readonly raw: Uint8Array;
}

export interface Name {
  readonly der: Uint8Array;
  readonly rdns: readonly (readonly NameAttribute[])[];
}

const STRING_TAGS = new Set<number>([
  TAG.UTF8_STRING,
  TAG.PRINTABLE_STRING,
  TAG.T61_STRING,
  TAG.IA5_STRING,
  TAG.BMP_STRING,
  TAG.UNIVERSAL_STRING,
]);

/** Parses a Name (SEQUENCE OF RDN, RDN = SET SIZE(1..MAX) OF AttributeTypeAndValue). */
export function parseName(buf: Uint8Array, t: Tlv): Name {
  if (t.tag !== TAG.SEQUENCE) throw new GatewayError('ERR_DER_STRUCTURE', 'Name must be a SEQUENCE');
  const rdns: NameAttribute[][] = [];
  const c = cursor(buf, t, 'Name');
  while (!c.done) {
    const rdn = c.next(TAG.SET);
    const rc = cursor(buf, rdn, 'RDN');
    const attrs: NameAttribute[] = [];
    while (!rc.done) {
      const atv = cursor(buf, rc.next(TAG.SEQUENCE), 'AttributeTypeAndValue');
      const type = readOid(buf, atv.next(TAG.OID));
      const v = atv.next();
      atv.end();
      const text = STRING_TAGS.has(v.tag) ? readString(buf, v) : undefined;
      attrs.push({ type, tag: v.tag, text, raw: buf.subarray(v.start, v.end) });
    }
    if (attrs.length === 0) throw new GatewayError('ERR_DER_STRUCTURE', 'empty RDN');
    rdns.push(attrs);
  }
  return { der: buf.subarray(t.start, t.end), rdns };
}

/**
 * Issuer names recur in every certificate a CA issues (J-LIS signs millions with one name), so
 * they are parsed once: cached by their exact DER bytes, each a frozen copy that pins no
 * customer's certificate. Names come from unverified certificates, so the cache is small and
 * takes only names of a realistic size (≤ 512 bytes: at most ~0.5 MB per thread).
 */
const issuerNames = new FifoCache<Name>(256);
const ISSUER_NAME_MAX_BYTES = 512;

export function parseIssuerName(buf: Uint8Array, t: Tlv): Name {
  if (t.tag !== TAG.SEQUENCE) throw new GatewayError('ERR_DER_STRUCTURE', 'Name must be a SEQUENCE');
  if (t.end - t.start > ISSUER_NAME_MAX_BYTES) return parseName(buf, t);
  const key = bytesKey(buf, t.start, t.end);
  const hit = issuerNames.get(key);
  if (hit) return hit;
  // A copy (Uint8Array's slice: Buffer#slice would be a view pinning the caller's buffer).
  const own = Uint8Array.prototype.slice.call(buf, t.start, t.end);
  const parsed = parseName(own, readTlv(own, 0, own.length));
  const name: Name = Object.freeze({
    der: parsed.der,
    rdns: Object.freeze(parsed.rdns.map((rdn) => Object.freeze(rdn.map((a) => Object.freeze(a))))),
  });
  issuerNames.set(key, name);
  return name;
}

export function parseNameDer(der: Uint8Array): Name {
  const t = readTlv(der, 0, der.length);
  if (t.end !== der.length) throw new GatewayError('ERR_DER_TRAILING_DATA', 'Name');
  return parseName(der, t);
}

const SHORT: Record<string, string> = {
  [OID.countryName]: 'C',
  [OID.organizationName]: 'O',
  [OID.organizationalUnitName]: 'OU',
  [OID.commonName]: 'CN',
  [OID.localityName]: 'L',
  [OID.stateOrProvinceName]: 'ST',
  [OID.serialNumber]: 'serialNumber',
  [OID.emailAddress]: 'emailAddress',
  [OID.domainComponent]: 'DC',
};

// Per Name object: issuer names are shared objects (parseIssuerName) and CA certificates live
// as long as their verifier, so a recurring name is formatted once without building a key.
const displayCache = new WeakMap<Name, string>();

/** Display form in encoding order, e.g. `C=JP, O=JPKI, OU=…` (as jpki-reference writes it). */
export function nameToString(name: Name): string {
  let s = displayCache.get(name);
  if (s === undefined) {
    s = formatName(name);
    displayCache.set(name, s);
  }
  return s;
}

function formatName(name: Name): string {
  return name.rdns
    .map((rdn) =>
      rdn
        .map((a) => {
          const v = a.text ?? `#${Buffer.from(a.raw).toString('hex')}`;
          return `${SHORT[a.type] ?? a.type}=${v.replace(/([,+"\\<>;])/g, '\\$1')}`;
        })
        .join(' + '),
    )
    .join(', ');
}

function prep(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

function attributeEqual(a: NameAttribute, b: NameAttribute): boolean {
  if (a.type !== b.type) return false;
  if (a.text !== undefined && b.text !== undefined) return prep(a.text) === prep(b.text);
  return Buffer.compare(a.raw, b.raw) === 0;
}

/** RFC 5280 §7.1 name matching: same RDN count, each RDN the same set of attributes. */
export function namesEqual(a: Name, b: Name): boolean {
  if (a.der.length === b.der.length && Buffer.compare(a.der, b.der) === 0) return true;
  if (a.rdns.length !== b.rdns.length) return false;
  for (let i = 0; i < a.rdns.length; i++) {
    const ra = a.rdns[i]!;
    const rb = b.rdns[i]!;
    if (ra.length !== rb.length) return false;
    if (!ra.every((x) => rb.some((y) => attributeEqual(x, y)))) return false;
  }
  return true;
}

export function isEmptyName(name: Name): boolean {
  return name.rdns.length === 0;
}
