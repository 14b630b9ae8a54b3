/**
 * Delegated OCSP responder certificates (RFC 6960 §4.2.2.2) for the sandbox J-LIS: issued
 * directly by the CA whose certificates they answer for, with extendedKeyUsage
 * id-kp-OCSPSigning, keyUsage digitalSignature and id-pkix-ocsp-nocheck (§4.2.2.2.1).
 * Deterministic like everything in the sandbox (seeded key and serial, fixed validity).
 */
import { createHash, type KeyObject } from 'node:crypto';
import { nullValue } from '../pki/der-write.js';
import { toHex } from '../pki/der-values.js';
import { OID } from '../pki/oids.js';
import { OCSP_OID } from '../revocation/ocsp/ocsp-oids.js';
import { buildCertificate, type ExtensionSpec } from './certificate-builder.js';
import {
  authorityKeyIdentifier,
  extKeyUsage,
  keyIdentifier,
  keyUsage,
  subjectKeyIdentifier,
  type KeyUsageName,
} from './extensions.js';
import type { SandboxIssuer } from './jpki-leaf.js';
import { SANDBOX_ORGANIZATION } from './jpki-names.js';
import { deriveRsaKey } from './keys.js';
import { name } from './name-builder.js';

export const OCSP_RESPONDER_NOT_BEFORE = new Date('2025-01-01T00:00:00Z');
export const OCSP_RESPONDER_NOT_AFTER = new Date('2033-07-15T14:59:59Z');

export interface OcspResponderCertificateOptions {
  /** Key seed; default 'jpki-gateway-sandbox/ocsp-responder'. */
  readonly keySeed?: string;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** Default [id-kp-OCSPSigning]; [] omits extendedKeyUsage. */
  readonly extKeyUsage?: readonly string[];
  /** Default ['digitalSignature']; [] omits keyUsage. */
  readonly keyUsage?: readonly KeyUsageName[];
  /** Default true. */
  readonly noCheck?: boolean;
  /** Sign with this key instead of the issuer's (a forged delegation). */
  readonly signingKeyOverride?: KeyObject;
  readonly extraExtensions?: readonly ExtensionSpec[];
  /** Subject CN; default "OCSP Responder <first 8 hex of the CA key id>". */
  readonly commonName?: string;
}

export interface OcspResponderCertificate {
  readonly der: Uint8Array;
  readonly pem: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly subjectDer: Uint8Array;
  /** SHA-1 of the public key (ResponderID byKey). */
  readonly keyHash: Uint8Array;
}

export function issueOcspResponderCertificate(
  issuer: SandboxIssuer,
  opts: OcspResponderCertificateOptions = {},
): OcspResponderCertificate {
  const { privateKey, publicKey } = deriveRsaKey(opts.keySeed ?? 'jpki-gateway-sandbox/ocsp-responder');
  const notBefore = opts.notBefore ?? OCSP_RESPONDER_NOT_BEFORE;
  const notAfter = opts.notAfter ?? OCSP_RESPONDER_NOT_AFTER;
  const cn = opts.commonName ?? `OCSP Responder ${toHex(issuer.keyId).slice(0, 8).toUpperCase()}`;
  const subjectDer = name([
    ['C', 'JP'],
    ['O', SANDBOX_ORGANIZATION],
    ['CN', cn],
  ]);
  const eku = opts.extKeyUsage ?? [OID.kpOcspSigning];
  const ku = opts.keyUsage ?? ['digitalSignature'];
  const serialHash = createHash('sha256')
    .update(`ocsp-responder/${toHex(issuer.keyId)}/${notBefore.toISOString()}/${cn}/${eku.join(',')}/${ku.join(',')}`)
    .digest();
  const extensions: ExtensionSpec[] = [
    ...(ku.length ? [{ oid: OID.keyUsage, critical: true, value: keyUsage(ku) }] : []),
    ...(eku.length ? [{ oid: OID.extKeyUsage, critical: false, value: extKeyUsage(eku) }] : []),
    ...(opts.noCheck === false ? [] : [{ oid: OCSP_OID.noCheck, critical: false, value: nullValue() }]),
    { oid: OID.authorityKeyIdentifier, critical: false, value: authorityKeyIdentifier(issuer.keyId) },
    { oid: OID.subjectKeyIdentifier, critical: false, value: subjectKeyIdentifier(publicKey) },
    ...(opts.extraExtensions ?? []),
  ];
  const { der, pem } = buildCertificate({
    serial: 0x01000000n + (BigInt(serialHash.readUInt32BE(0)) % 0x7f000000n),
    issuerName: issuer.subjectDer,
    subjectName: subjectDer,
    notBefore,
    notAfter,
    subjectPublicKey: publicKey,
    issuerPrivateKey: opts.signingKeyOverride ?? issuer.privateKey,
    extensions,
  });
  return { der, pem, privateKey, publicKey, subjectDer, keyHash: keyIdentifier(publicKey) };
}

export interface ResponderCertificates {
  /** The proper delegate of `issuer`. */
  delegate(issuer: SandboxIssuer): OcspResponderCertificate;
  /** A forged delegate: names `issuer` as its issuer but is signed by a rogue key. */
  forged(issuer: SandboxIssuer): OcspResponderCertificate;
  /** A proper delegate that expired in 2021. */
  expired(issuer: SandboxIssuer): OcspResponderCertificate;
}

/** The responder's signers per CA, made once each (key derivation and signing are slow). */
export function memoizedResponderCertificates(): ResponderCertificates {
  const memo = (make: (issuer: SandboxIssuer) => OcspResponderCertificate) => {
    const made = new Map<SandboxIssuer, OcspResponderCertificate>();
    return (issuer: SandboxIssuer): OcspResponderCertificate => {
      let c = made.get(issuer);
      if (!c) made.set(issuer, (c = make(issuer)));
      return c;
    };
  };
  return {
    delegate: memo((issuer) => issueOcspResponderCertificate(issuer)),
    forged: memo((issuer) =>
      issueOcspResponderCertificate(issuer, {
        signingKeyOverride: deriveRsaKey('jpki-gateway-sandbox/ocsp-rogue-ca').privateKey,
        commonName: 'Rogue OCSP Responder',
      }),
    ),
    expired: memo((issuer) =>
      issueOcspResponderCertificate(issuer, {
        notBefore: new Date('2020-01-01T00:00:00Z'),
        notAfter: new Date('2021-01-01T00:00:00Z'),
      }),
    ),
  };
}
