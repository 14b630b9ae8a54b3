/**
 * The benchmark's CRL issuer: a deterministic sandbox key (same bytes on every machine, so the
 * cached CRLs under bench/out/ stay valid) and a JPKI-like name.
 */
import { createHash } from 'node:crypto';
import { oid, printable, seq, setOf } from '../src/pki/der-write.js';
import { deriveRsaKey } from '../src/sandbox/keys.js';
import type { CrlIssuerKey } from '../src/revocation/crl/index.js';

export const BENCH_THIS_UPDATE = new Date('2025-06-01T00:00:00Z');
export const BENCH_NEXT_UPDATE = new Date('2025-06-02T00:00:00Z');
export const BENCH_AT = new Date('2025-06-01T06:00:00Z');

const rdn = (type: string, v: string): Uint8Array => setOf(seq(oid(type), printable(v)));

export function benchCa(): CrlIssuerKey & { privateKey: import('node:crypto').KeyObject } {
  const { privateKey, publicKey } = deriveRsaKey('bench-crl-ca');
  const subjectDer = seq(
    rdn('2.5.4.6', 'JP'),
    rdn('2.5.4.10', 'JPKI-TEST'),
    rdn('2.5.4.11', 'JPKI for digital signature'),
  );
  const keyId = createHash('sha1')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest();
  return { subjectDer, publicKey, keyId, privateKey };
}
