/**
 * The sandbox CV CA and text-AP signer (jpki-reference §3): the two keys behind every sandbox
 * card's EF0004 and EF0003/EF0007. Test key ids start with "6000033" like J-LIS's test
 * environment (production ids start "5000033"), so a sandbox CV certificate can never be
 * mistaken for a production one. Everything is a pure function of the seed.
 */
import { createHash, sign, type KeyObject } from 'node:crypto';
import { concat, tlv } from '../pki/der-write.js';
import { deriveRsaKey } from './keys.js';
import { encodeRsaKeyField } from './text-ap.js';

export interface SandboxTextApSigner {
  /** 16-byte subject key id of EF0004, upper-case hex. */
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The CV certificate every card of this sandbox carries as EF0004. */
  readonly ef0004: Uint8Array;
}

export interface SandboxCvCa {
  /** 16-byte key id, 32 upper-case hex digits starting "6000033". */
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** SubjectPublicKeyInfo DER, as `cvCaKeys` wants it. */
  readonly publicKeySpki: Uint8Array;
  readonly signer: SandboxTextApSigner;
  /** `[{ keyId, publicKey }]` for `createVerifier({ cvCaKeys })` (contract §2). */
  cvCaKeys(): { keyId: string; publicKey: Uint8Array }[];
}

/** A 16-byte test key id: 60 00 03 3x then 12 seed-derived bytes. */
function testKeyId(seed: string, role: number): Uint8Array {
  const tail = createHash('sha256').update(`${seed}/cv-key-id/${role}`).digest().subarray(0, 12);
  return concat(Uint8Array.of(0x60, 0x00, 0x03, 0x30 | role), tail);
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

/**
 * EF0004 `7F21 { 5F4E body ; 5F37 signature }`: body = issuer key id ‖ subject key id ‖ RSA key
 * field (297 bytes); RSASSA-PKCS1-v1_5 SHA-256 by the CV CA over the 297 body bytes.
 */
export function encodeCvCertificate(
  issuerKeyId: Uint8Array,
  subjectKeyId: Uint8Array,
  subjectKey: KeyObject,
  caKey: KeyObject,
): Uint8Array {
  if (issuerKeyId.length !== 16 || subjectKeyId.length !== 16) throw new TypeError('CV key ids are 16 bytes');
  const body = concat(issuerKeyId, subjectKeyId, encodeRsaKeyField(subjectKey));
  return tlv(0x7f21, concat(tlv(0x5f4e, body), tlv(0x5f37, sign('sha256', body, caKey))));
}

const cache = new Map<string, SandboxCvCa>();

export function createSandboxCvCa(seed: string): SandboxCvCa {
  const hit = cache.get(seed);
  if (hit) return hit;
  const ca = deriveRsaKey(`${seed}/cv-ca`);
  const signerKey = deriveRsaKey(`${seed}/cv-ca/text-ap-signer`);
  const caKeyId = testKeyId(seed, 0);
  const signerKeyId = testKeyId(seed, 1);
  const publicKeySpki = new Uint8Array(ca.publicKey.export({ type: 'spki', format: 'der' }));
  const keyId = hex(caKeyId);
  const cvCa: SandboxCvCa = Object.freeze({
    keyId,
    privateKey: ca.privateKey,
    publicKey: ca.publicKey,
    publicKeySpki,
    signer: Object.freeze({
      keyId: hex(signerKeyId),
      privateKey: signerKey.privateKey,
      publicKey: signerKey.publicKey,
      ef0004: encodeCvCertificate(caKeyId, signerKeyId, signerKey.publicKey, ca.privateKey),
    }),
    cvCaKeys: () => [{ keyId, publicKey: publicKeySpki.slice() }],
  });
  cache.set(seed, cvCa);
  return cvCa;
}
