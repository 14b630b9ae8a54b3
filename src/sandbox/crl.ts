/**
 * Sandbox CRL issuer (RFC 5280 §5): builds and signs CRLs for the simulated JPKI CAs, tests
 * and the ingestion benchmark. It can also build what a real CA must not (no nextUpdate,
 * SHA-1, unknown critical extensions, delta/indirect scope) so that every rejection has a
 * vector. Never used on the production verification path.
 */
import { sign, constants, type KeyObject } from 'node:crypto';
import {
  bitString,
  concat,
  explicit,
  integer,
  nullValue,
  octetString,
  oid,
  seq,
  time,
  tlv,
  generalizedTime,
} from '../pki/der-write.js';
import { OID } from '../pki/oids.js';
import { REASON_CODES, type ReasonName } from '../revocation/crl/reasons.js';

export type CrlSignatureAlgorithmName =
  | 'sha256WithRSAEncryption'
  | 'sha384WithRSAEncryption'
  | 'sha512WithRSAEncryption'
  | 'rsassaPss-sha256'
  | 'ecdsa-with-SHA256'
  /** Only to test that it is refused. */
  | 'sha1WithRSAEncryption';

export interface CrlExtensionInput {
  readonly oid: string;
  readonly critical?: boolean;
  /** The DER that goes inside extnValue's OCTET STRING. */
  readonly value: Uint8Array;
}

export interface CrlEntryInput {
  /** Uint8Array = unsigned magnitude; use bigint for negative serials. */
  readonly serial: Uint8Array | bigint | number;
  readonly revokedAt: Date;
  /** Omitted (RFC 5280 §5.3.1: absent rather than unspecified) when undefined or 'unspecified'. */
  readonly reason?: ReasonName;
  readonly invalidityDate?: Date;
  readonly extensions?: readonly CrlExtensionInput[];
}

export interface IdpInput {
  readonly directoryNameDer?: Uint8Array;
  readonly onlyContainsUserCerts?: boolean;
  readonly onlyContainsCACerts?: boolean;
  readonly onlySomeReasons?: boolean;
  readonly indirectCRL?: boolean;
}

export interface CrlHeaderOptions {
  readonly issuerNameDer: Uint8Array;
  readonly issuerPrivateKey: KeyObject;
  /** authorityKeyIdentifier keyIdentifier (the CA's SKI); omitted when undefined. */
  readonly issuerKeyId?: Uint8Array;
  readonly thisUpdate: Date;
  /** null omits nextUpdate (non-conforming; for negative tests). */
  readonly nextUpdate: Date | null;
  readonly crlNumber?: bigint | number;
  /** Shortcut for idp.directoryNameDer: the partition's CRL DP directoryName. */
  readonly idpDirectoryNameDer?: Uint8Array;
  readonly idp?: IdpInput;
  readonly extraExtensions?: readonly CrlExtensionInput[];
  readonly signatureAlgorithm?: CrlSignatureAlgorithmName;
  /** 1 = no version field and no extensions at all. Default 2. */
  readonly version?: 1 | 2;
}

export interface CreateCrlOptions extends CrlHeaderOptions {
  readonly entries?: Iterable<CrlEntryInput>;
}

const hashAlg = (o: string): Uint8Array => seq(oid(o), nullValue());

export function algorithmIdentifier(name: CrlSignatureAlgorithmName): Uint8Array {
  switch (name) {
    case 'sha256WithRSAEncryption':
      return hashAlg(OID.sha256WithRSA);
    case 'sha384WithRSAEncryption':
      return hashAlg(OID.sha384WithRSA);
    case 'sha512WithRSAEncryption':
      return hashAlg(OID.sha512WithRSA);
    case 'sha1WithRSAEncryption':
      return hashAlg(OID.sha1WithRSA);
    case 'ecdsa-with-SHA256':
      return seq(oid(OID.ecdsaWithSHA256));
    case 'rsassaPss-sha256':
      // RFC 4055 §3.1 with explicit SHA-256, MGF1-SHA-256, 32-byte salt
      return seq(
        oid(OID.rsassaPss),
        seq(
          explicit(0, hashAlg(OID.sha256)),
          explicit(1, seq(oid(OID.mgf1), hashAlg(OID.sha256))),
          explicit(2, integer(32)),
        ),
      );
  }
}

/** Signs `tbs` as the named algorithm requires. */
export function signTbs(tbs: Uint8Array, key: KeyObject, name: CrlSignatureAlgorithmName): Uint8Array {
  switch (name) {
    case 'sha256WithRSAEncryption':
      return sign('sha256', tbs, key);
    case 'sha384WithRSAEncryption':
      return sign('sha384', tbs, key);
    case 'sha512WithRSAEncryption':
      return sign('sha512', tbs, key);
    case 'sha1WithRSAEncryption':
      return sign('sha1', tbs, key);
    case 'ecdsa-with-SHA256':
      return sign('sha256', tbs, { key, dsaEncoding: 'der' });
    case 'rsassaPss-sha256':
      return sign('sha256', tbs, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  }
}

/** CertificateList from an already encoded tbsCertList (tests re-sign hand-edited TBS). */
export function assembleCrl(
  tbs: Uint8Array,
  key: KeyObject,
  name: CrlSignatureAlgorithmName = 'sha256WithRSAEncryption',
): Uint8Array {
  return seq(tbs, algorithmIdentifier(name), bitString(signTbs(tbs, key, name)));
}

export function extension(e: CrlExtensionInput): Uint8Array {
  return seq(oid(e.oid), ...(e.critical ? [Uint8Array.of(0x01, 0x01, 0xff)] : []), octetString(e.value));
}

export function encodeEntry(e: CrlEntryInput): Uint8Array {
  const exts: Uint8Array[] = [];
  if (e.reason && e.reason !== 'unspecified') {
    exts.push(extension({ oid: OID.reasonCode, value: tlv(0x0a, Uint8Array.of(REASON_CODES[e.reason])) }));
  }
  if (e.invalidityDate) exts.push(extension({ oid: OID.invalidityDate, value: generalizedTime(e.invalidityDate) }));
  for (const x of e.extensions ?? []) exts.push(extension(x));
  return seq(integer(e.serial), time(e.revokedAt), ...(exts.length ? [seq(...exts)] : []));
}

function idpValue(idp: IdpInput): Uint8Array {
  const flag = (tag: number, on: boolean | undefined): Uint8Array[] => (on ? [tlv(tag, Uint8Array.of(0xff))] : []);
  return seq(
    // distributionPoint [0] { fullName [0] IMPLICIT GeneralNames { directoryName [4] EXPLICIT Name } }
    ...(idp.directoryNameDer ? [tlv(0xa0, tlv(0xa0, tlv(0xa4, idp.directoryNameDer)))] : []),
    ...flag(0x81, idp.onlyContainsUserCerts),
    ...flag(0x82, idp.onlyContainsCACerts),
    ...(idp.onlySomeReasons ? [tlv(0x83, Uint8Array.of(0x07, 0x80))] : []),
    ...flag(0x84, idp.indirectCRL),
  );
}

/** tbsCertList split around the entries, so the streaming writer can insert millions. */
export function tbsParts(o: CrlHeaderOptions): { head: Uint8Array; extensions: Uint8Array } {
  const name = o.signatureAlgorithm ?? 'sha256WithRSAEncryption';
  const head = concat(
    ...(o.version === 1 ? [] : [integer(1)]),
    algorithmIdentifier(name),
    o.issuerNameDer,
    time(o.thisUpdate),
    ...(o.nextUpdate ? [time(o.nextUpdate)] : []),
  );
  const exts: Uint8Array[] = [];
  if (o.issuerKeyId) exts.push(extension({ oid: OID.authorityKeyIdentifier, value: seq(tlv(0x80, o.issuerKeyId)) }));
  if (o.crlNumber !== undefined) exts.push(extension({ oid: OID.crlNumber, value: integer(o.crlNumber) }));
  const idp = o.idp || o.idpDirectoryNameDer ? { directoryNameDer: o.idpDirectoryNameDer, ...o.idp } : undefined;
  if (idp) exts.push(extension({ oid: OID.issuingDistributionPoint, critical: true, value: idpValue(idp) }));
  for (const x of o.extraExtensions ?? []) exts.push(extension(x));
  const extensions = o.version === 1 || exts.length === 0 ? new Uint8Array(0) : explicit(0, seq(...exts));
  return { head, extensions };
}

/** A complete signed CRL in memory. */
export function createCrl(o: CreateCrlOptions): Uint8Array {
  const { head, extensions } = tbsParts(o);
  const entries = [...(o.entries ?? [])].map(encodeEntry);
  const tbs = seq(head, ...(entries.length ? [seq(...entries)] : []), extensions);
  return assembleCrl(tbs, o.issuerPrivateKey, o.signatureAlgorithm);
}
