/**
 * Collects the six JPKI identity attributes from subjectAltName (jpki-reference §2): each an
 * otherName `SEQUENCE { type-id OID, [0] EXPLICIT UTF8String }`. Other GeneralNames and
 * unknown `1.2.392.200149.8.5.5.x` attributes (future ones such as a former surname or
 * furigana) are skipped unread. Private to src/identity/.
 */
import { GatewayError } from '../errors.js';
import { TAG, parseDer } from '../pki/der.js';
import type { GeneralName } from '../pki/extensions.js';
import { OID } from '../pki/oids.js';

export const JPKI_IDENTITY_OIDS = [
  OID.jpkiName,
  OID.jpkiNameSubstitute,
  OID.jpkiSex,
  OID.jpkiBirthDate,
  OID.jpkiAddress,
  OID.jpkiAddressSubstitute,
] as const;

export type JpkiIdentityOid = (typeof JPKI_IDENTITY_OIDS)[number];

const KNOWN: ReadonlySet<string> = new Set(JPKI_IDENTITY_OIDS);

// ignoreBOM: a leading U+FEFF is part of the value and must be seen (and refused), not
// silently stripped as TextDecoder does by default.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The decoded value of each known attribute present, by OID. */
export function readJpkiAttributes(sans: readonly GeneralName[] | undefined): Map<JpkiIdentityOid, string> {
  const out = new Map<JpkiIdentityOid, string>();
  for (const gn of sans ?? []) {
    if (gn.type !== 'otherName' || !KNOWN.has(gn.oid)) continue;
    const oid = gn.oid as JpkiIdentityOid;
    // jpki-reference §2: each attribute appears once; two values would be two identities
    if (out.has(oid)) throw new GatewayError('ERR_IDENTITY_MALFORMED', `attribute ${oid} repeated`);
    out.set(oid, readUtf8String(gn.valueDer, oid));
  }
  return out;
}

/** The content of the otherName [0] wrapper must be exactly one primitive UTF8String TLV. */
function readUtf8String(valueDer: Uint8Array, oid: string): string {
  let tlv;
  try {
    // X.690 §10: one DER element, nothing after it (parseDer rejects trailing bytes)
    tlv = parseDer(valueDer, 1);
  } catch (e) {
    const why = e instanceof GatewayError ? e.code : 'undecodable';
    throw new GatewayError('ERR_IDENTITY_MALFORMED', `attribute ${oid}: ${why}`, { cause: e });
  }
  // jpki-reference §2: the value is a UTF8String, no other string type
  if (tlv.tag !== TAG.UTF8_STRING || tlv.constructed) {
    throw new GatewayError('ERR_IDENTITY_MALFORMED', `attribute ${oid}: not a UTF8String`);
  }
  try {
    return utf8.decode(valueDer.subarray(tlv.valueStart, tlv.end));
  } catch (e) {
    throw new GatewayError('ERR_IDENTITY_MALFORMED', `attribute ${oid}: invalid UTF-8`, { cause: e });
  }
}
