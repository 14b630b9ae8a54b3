/**
 * Shared CRL test material. Origin: the sandbox writer (src/sandbox/crl.ts) with deterministic
 * sandbox keys (deriveRsaKey seeds below); regenerate by running the tests — nothing is stored.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { expect } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { GatewayError, type ErrorCode } from '../../../src/errors.js';
import { oid, printable, seq, setOf } from '../../../src/pki/der-write.js';
import { deriveRsaKey } from '../../../src/sandbox/keys.js';
import { createCrl, type CreateCrlOptions, type CrlEntryInput } from '../../../src/sandbox/crl.js';
import type { CrlIssuerKey } from '../../../src/revocation/crl/index.js';

export function name(...rdns: [string, string][]): Uint8Array {
  return seq(...rdns.map(([t, v]) => setOf(seq(oid(t), printable(v)))));
}

export const CA_NAME = name(['2.5.4.6', 'JP'], ['2.5.4.10', 'JPKI-TEST'], ['2.5.4.11', 'JPKI for digital signature']);
export const OTHER_NAME = name(['2.5.4.6', 'JP'], ['2.5.4.10', 'Someone Else']);
/** A municipality partition CRL DP (jpki-reference §1). */
export const DP_NAME = name(
  ['2.5.4.6', 'JP'],
  ['2.5.4.10', 'JPKI'],
  ['2.5.4.11', 'JPKI for digital signature'],
  ['2.5.4.11', 'CRL Distribution Points'],
  ['2.5.4.11', 'Tokyo'],
  ['2.5.4.3', 'Shinjuku-ku CRLDP'],
);
export const OTHER_DP_NAME = name(['2.5.4.6', 'JP'], ['2.5.4.10', 'JPKI'], ['2.5.4.3', 'Osaka-shi CRLDP']);

export const caKey = deriveRsaKey('test-crl-ca');
export const otherKey = deriveRsaKey('test-crl-other');
export const CA_KEY_ID = createHash('sha1').update('test-crl-ca').digest();

export const THIS_UPDATE = new Date('2025-06-01T00:00:00Z');
export const NEXT_UPDATE = new Date('2025-06-02T00:00:00Z');
export const AT = new Date('2025-06-01T12:00:00Z');
export const clock = fixedClock(AT);

export function issuer(over: Partial<CrlIssuerKey> = {}): CrlIssuerKey {
  return { subjectDer: CA_NAME, publicKey: caKey.publicKey, keyId: CA_KEY_ID, keyUsage: undefined, ...over };
}

export function withKey(publicKey: KeyObject, keyId?: Uint8Array): CrlIssuerKey {
  return issuer({ publicKey, keyId });
}

export const ENTRIES: CrlEntryInput[] = [
  { serial: 0x12345678, revokedAt: new Date('2025-05-01T00:00:00Z'), reason: 'affiliationChanged' },
  { serial: 0x0badcafe, revokedAt: new Date('2025-05-02T03:04:05Z'), reason: 'superseded' },
  { serial: 7, revokedAt: new Date('2025-05-03T00:00:00Z') },
  {
    serial: 2n ** 150n + 3n,
    revokedAt: new Date('2025-05-04T00:00:00Z'),
    reason: 'keyCompromise',
    invalidityDate: new Date('2025-04-30T00:00:00Z'),
  },
];

export function crlOptions(over: Partial<CreateCrlOptions> = {}): CreateCrlOptions {
  return {
    issuerNameDer: CA_NAME,
    issuerPrivateKey: caKey.privateKey,
    issuerKeyId: CA_KEY_ID,
    thisUpdate: THIS_UPDATE,
    nextUpdate: NEXT_UPDATE,
    crlNumber: 42,
    entries: ENTRIES,
    ...over,
  };
}

export function makeCrl(over: Partial<CreateCrlOptions> = {}): Uint8Array {
  return createCrl(crlOptions(over));
}

/** Asserts that a promise rejects with a GatewayError of `code`. */
export async function rejectsWith(p: Promise<unknown>, code: ErrorCode): Promise<GatewayError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(GatewayError);
  expect((e as GatewayError).code).toBe(code);
  return e as GatewayError;
}

export function throwsWith(f: () => unknown, code: ErrorCode): void {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(GatewayError);
  expect((caught as GatewayError).code).toBe(code);
}

/** Position of the first occurrence of `needle` in `hay`, or throws (test bug). */
export function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  const i = Buffer.from(hay).indexOf(Buffer.from(needle));
  if (i < 0) throw new Error('needle not found');
  return i;
}
