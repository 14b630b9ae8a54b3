import { createHash, type KeyObject } from 'node:crypto';
import { buildCertificate } from './certificate-builder.js';
import {
  basicConstraints,
  crlDistributionPointDirName,
  keyIdentifier,
  keyUsage,
  subjectAltNameDirName,
  subjectKeyIdentifier,
} from './extensions.js';
import { rootAltName, rootName, type JpkiPurpose } from './jpki-names.js';
import { OID } from '../pki/oids.js';
import { deriveRsaKey } from './keys.js';

export type RootGeneration = '2015' | '2019' | '2023';
export const ROOT_GENERATIONS: readonly RootGeneration[] = ['2015', '2019', '2023'];

export interface SandboxRoot {
  der: Uint8Array;
  pem: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** DER of the subject (= issuer) Name. */
  subjectDer: Uint8Array;
  /** SKI bytes; leaves name their root by it (AKI keyIdentifier). */
  keyId: Uint8Array;
  serial: bigint;
  notBefore: Date;
  notAfter: Date;
  generation: RootGeneration;
  purpose: JpkiPurpose;
}

// Validity copied from the production roots (openssl x509 -dates on ../jpki/roots), so
// generation-rollover and "expired 2015 root" scenarios behave as they would with J-LIS.
const VALIDITY: Record<JpkiPurpose, Record<RootGeneration, [string, string]>> = {
  signing: {
    '2015': ['2015-10-20T02:40:28Z', '2025-10-19T14:59:59Z'],
    '2019': ['2019-09-14T23:41:56Z', '2029-09-14T14:59:59Z'],
    '2023': ['2023-07-16T00:50:27Z', '2033-07-15T14:59:59Z'],
  },
  authentication: {
    '2015': ['2015-10-20T03:08:13Z', '2025-10-19T14:59:59Z'],
    '2019': ['2019-09-14T23:41:59Z', '2029-09-14T14:59:59Z'],
    '2023': ['2023-07-16T01:01:04Z', '2033-07-15T14:59:59Z'],
  },
};

/** Like production: the 2015 roots have serial 1, later ones a 4-byte number (here seed-derived). */
function rootSerial(seed: string, purpose: JpkiPurpose, generation: RootGeneration): bigint {
  if (generation === '2015') return 1n;
  const h = createHash('sha256').update(`${seed}/root-serial/${purpose}/${generation}`).digest();
  return 0x01000000n + (BigInt(h.readUInt32BE(0)) % 0x7f000000n);
}

export function createRoot(seed: string, purpose: JpkiPurpose, generation: RootGeneration): SandboxRoot {
  const { privateKey, publicKey } = deriveRsaKey(`${seed}/root/${purpose}/${generation}`);
  const subjectDer = rootName(purpose);
  const [from, to] = VALIDITY[purpose][generation];
  const notBefore = new Date(from);
  const notAfter = new Date(to);
  const serial = rootSerial(seed, purpose, generation);
  const keyId = keyIdentifier(publicKey);
  // Same extensions, order and criticality as the production roots.
  const { der, pem } = buildCertificate({
    serial,
    issuerName: subjectDer,
    subjectName: subjectDer,
    notBefore,
    notAfter,
    subjectPublicKey: publicKey,
    issuerPrivateKey: privateKey,
    extensions: [
      {
        oid: OID.keyUsage,
        critical: true,
        value: keyUsage(['keyCertSign', 'cRLSign']),
      },
      {
        oid: OID.subjectAltName,
        critical: false,
        value: subjectAltNameDirName(rootAltName(purpose)),
      },
      {
        oid: OID.basicConstraints,
        critical: true,
        value: basicConstraints(true),
      },
      {
        oid: OID.crlDistributionPoints,
        critical: false,
        value: crlDistributionPointDirName(subjectDer),
      },
      {
        oid: OID.subjectKeyIdentifier,
        critical: false,
        value: subjectKeyIdentifier(keyId),
      },
    ],
  });
  return {
    der,
    pem,
    privateKey,
    publicKey,
    subjectDer,
    keyId,
    serial,
    notBefore,
    notAfter,
    generation,
    purpose,
  };
}
