/**
 * Path-test material built with the sandbox (deterministic keys, fixed dates; regenerate by
 * re-running the tests — nothing is stored). Generic CAs use a fake "Example" hierarchy.
 */
import type { KeyObject } from 'node:crypto';
import { parseCertificate, type Certificate } from '../../src/pki/certificate.js';
import { OID } from '../../src/pki/oids.js';
import {
  authorityKeyIdentifier,
  basicConstraints,
  buildCertificate,
  createSandboxPki,
  deriveRsaKey,
  keyIdentifier,
  keyUsage,
  name,
  subjectKeyIdentifier,
  type ExtensionSpec,
  type KeyUsageName,
  type SandboxPki,
} from '../../src/sandbox/index.js';

let pki: SandboxPki | undefined;
export const sandbox = (): SandboxPki => (pki ??= createSandboxPki());

export const cert = (x: { der: Uint8Array }): Certificate => parseCertificate(x.der);

export const T = (iso: string): number => Date.parse(iso);

export interface TestCa {
  readonly der: Uint8Array;
  readonly certificate: Certificate;
  readonly subjectDer: Uint8Array;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: Uint8Array;
}

export interface CertOptions {
  subject: Uint8Array;
  issuer?: TestCa; // default: self-signed
  keySeed: string;
  ca?: boolean;
  pathLen?: number;
  keyUsage?: KeyUsageName[] | null; // null = omit
  basicConstraints?: boolean; // false = omit
  notBefore?: string;
  notAfter?: string;
  serial?: bigint;
  extra?: ExtensionSpec[];
  /** Written as the issuer name instead of the issuer's subject (name-chaining tests). */
  issuerNameOverride?: Uint8Array;
  aki?: Uint8Array | null; // default: the issuer's key id; null = omit
  corruptSignature?: boolean;
}

let serialCounter = 1000n;

/** A generic certificate: CA by default, self-signed when no issuer is given. */
export function makeCert(o: CertOptions): TestCa {
  const { privateKey, publicKey } = deriveRsaKey(`path-tests/${o.keySeed}`);
  const ca = o.ca ?? true;
  const signer = o.issuer ?? { privateKey, subjectDer: o.subject, keyId: keyIdentifier(publicKey) };
  const ku = o.keyUsage === undefined ? (ca ? ['keyCertSign', 'cRLSign'] : ['digitalSignature']) : o.keyUsage;
  const aki = o.aki === undefined ? signer.keyId : o.aki;
  const extensions: ExtensionSpec[] = [
    ...(o.basicConstraints === false
      ? []
      : [{ oid: OID.basicConstraints, critical: true, value: basicConstraints(ca, o.pathLen) }]),
    ...(ku ? [{ oid: OID.keyUsage, critical: true, value: keyUsage(ku as KeyUsageName[]) }] : []),
    { oid: OID.subjectKeyIdentifier, critical: false, value: subjectKeyIdentifier(publicKey) },
    ...(aki ? [{ oid: OID.authorityKeyIdentifier, critical: false, value: authorityKeyIdentifier(aki) }] : []),
    ...(o.extra ?? []),
  ];
  const built = buildCertificate({
    serial: o.serial ?? serialCounter++,
    issuerName: o.issuerNameOverride ?? signer.subjectDer,
    subjectName: o.subject,
    notBefore: new Date(o.notBefore ?? '2020-01-01T00:00:00Z'),
    notAfter: new Date(o.notAfter ?? '2035-01-01T00:00:00Z'),
    subjectPublicKey: publicKey,
    issuerPrivateKey: signer.privateKey,
    extensions,
    corruptSignature: o.corruptSignature ?? false,
  });
  return {
    der: built.der,
    certificate: parseCertificate(built.der),
    subjectDer: o.subject,
    privateKey,
    publicKey,
    keyId: keyIdentifier(publicKey),
  };
}

export const exampleName = (cn: string): Uint8Array =>
  name([
    ['C', 'XX'],
    ['O', 'Example Test PKI'],
    ['CN', cn],
  ]);

/** Root → intermediate(s) → leaf in the fake Example PKI. */
export function exampleChain(depth = 1): { root: TestCa; intermediates: TestCa[]; leaf: TestCa } {
  const root = makeCert({ subject: exampleName('Example Root'), keySeed: 'root' });
  const intermediates: TestCa[] = [];
  let issuer = root;
  for (let i = 1; i <= depth; i++) {
    issuer = makeCert({ subject: exampleName(`Example CA ${i}`), issuer, keySeed: `ca-${i}` });
    intermediates.push(issuer);
  }
  const leaf = makeCert({ subject: exampleName('Example Leaf'), issuer, keySeed: 'leaf', ca: false });
  return { root, intermediates, leaf };
}

export const AT = T('2026-06-01T00:00:00Z');
