import { ia5, oid, printable, seq, set, utf8 } from '../pki/der-write.js';
import { OID } from '../pki/oids.js';

// Name (RDNSequence) writer. One attribute per RDN, in the order given, because JPKI DNs
// are compared byte for byte by some verifiers and the real roots use exactly this layout.

export type NameStringType = 'utf8' | 'printable' | 'ia5';
export type NameAttributeSpec = readonly [type: string, value: string, stringType?: NameStringType];

const SHORT_NAMES: Record<string, string> = {
  C: OID.countryName,
  O: OID.organizationName,
  OU: OID.organizationalUnitName,
  CN: OID.commonName,
  L: OID.localityName,
  ST: OID.stateOrProvinceName,
  serialNumber: OID.serialNumber,
  emailAddress: OID.emailAddress,
  DC: OID.domainComponent,
};

// RFC 5280 Appendix A: countryName and serialNumber are PrintableString, email/DC IA5String;
// everything else defaults to UTF8String (RFC 5280 §4.1.2.6 "MUST use UTF8String" for new CAs).
function defaultStringType(typeOid: string): NameStringType {
  if (typeOid === OID.countryName || typeOid === OID.serialNumber) return 'printable';
  if (typeOid === OID.emailAddress || typeOid === OID.domainComponent) return 'ia5';
  return 'utf8';
}

/** `name([['C','JP'],['O','JPKI-TEST']])` → DER of the Name. Types: short names or dotted OIDs. */
export function name(attributes: readonly NameAttributeSpec[]): Uint8Array {
  return seq(
    ...attributes.map(([type, value, stringType]) => {
      const typeOid = SHORT_NAMES[type] ?? type;
      if (!/^\d+(\.\d+)+$/.test(typeOid)) throw new TypeError(`name: unknown attribute type "${type}"`);
      const st = stringType ?? defaultStringType(typeOid);
      const encoded = st === 'printable' ? printable(value) : st === 'ia5' ? ia5(value) : utf8(value);
      // A plain SET with one element is already in DER order.
      return set(seq(oid(typeOid), encoded));
    }),
  );
}
