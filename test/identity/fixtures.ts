// Signing certificates with chosen identity attributes, issued by the sandbox J-LIS.
// Origin: createSandboxPki() (deterministic seed) + one fixed leaf key; regenerate by rerunning.
// All holders are obviously fictitious (試験, サンドボックス町).
import { concat, explicit, oid, tlv, utf8 } from '../../src/pki/der-write.js';
import { parseCertificate, type Certificate } from '../../src/pki/certificate.js';
import { OID } from '../../src/pki/oids.js';
import { createSandboxPki, deriveRsaKey, generalNames, type SandboxIdentity } from '../../src/sandbox/index.js';

const pki = createSandboxPki();
// One key for every leaf: deriving a fresh key per certificate would cost ≈ 0.6 s each.
const key = deriveRsaKey('identity-tests/leaf');

/** A profile-conformant signing certificate for `identity` (merged over the sandbox default). */
export function signingCertWith(identity: Partial<SandboxIdentity> = {}): Certificate {
  return parseCertificate(pki.issueSigningCertificate({ key, identity }).der);
}

export function authenticationCert(): Certificate {
  return parseCertificate(pki.issueAuthenticationCertificate({ key }).der);
}

/** A signing certificate whose subjectAltName is exactly these encoded GeneralNames. */
export function signingCertWithSan(...entries: Uint8Array[]): Certificate {
  const san = { oid: OID.subjectAltName, critical: false, value: generalNames(...entries) };
  return parseCertificate(pki.issueSigningCertificate({ key, replaceExtensions: [san] }).der);
}

export function signingCertWithoutSan(): Certificate {
  return parseCertificate(pki.issueSigningCertificate({ key, omitExtensions: [OID.subjectAltName] }).der);
}

/** otherName `SEQUENCE { oid, [0] EXPLICIT <inner> }` with arbitrary inner bytes. */
export function otherNameRaw(typeOid: string, inner: Uint8Array): Uint8Array {
  return tlv(0xa0, concat(oid(typeOid), explicit(0, inner)));
}

export function otherNameUtf8(typeOid: string, value: string): Uint8Array {
  return otherNameRaw(typeOid, utf8(value));
}

export const DEFAULT_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({
  [OID.jpkiName]: '試験　花子',
  [OID.jpkiNameSubstitute]: '00000',
  [OID.jpkiSex]: '2',
  [OID.jpkiBirthDate]: '419900401',
  [OID.jpkiAddress]: '東京都千代田区サンドボックス町１ー２ー３',
  [OID.jpkiAddressSubstitute]: '0'.repeat(20),
});

/**
 * The six attributes in the observed order (.1 .4 .3 .5 .2 .6), with some values replaced
 * (a string) or left out (null).
 */
export function sanWith(changes: Readonly<Record<string, string | null>> = {}): Uint8Array[] {
  const order = [
    OID.jpkiName,
    OID.jpkiBirthDate,
    OID.jpkiSex,
    OID.jpkiAddress,
    OID.jpkiNameSubstitute,
    OID.jpkiAddressSubstitute,
  ];
  const out: Uint8Array[] = [];
  for (const o of order) {
    const v = o in changes ? changes[o] : DEFAULT_ATTRIBUTES[o];
    if (v !== null && v !== undefined) out.push(otherNameUtf8(o, v));
  }
  return out;
}
