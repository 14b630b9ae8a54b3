/**
 * Shared OCSP test material. Origin: the sandbox J-LIS (createSandboxPki, default seed) and the
 * sandbox OCSP responder (src/sandbox/ocsp-*.ts), all deterministic; regenerate by running the
 * tests — nothing is stored. The leaf is an authentication certificate (the JPKI certificate
 * that carries an OCSP URL, jpki-reference §1) pointing at whatever responder a test starts.
 */
import { expect } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { GatewayError, type ErrorCode } from '../../../src/errors.js';
import { parseCertificate, type Certificate } from '../../../src/pki/certificate.js';
import { createSandboxPki } from '../../../src/sandbox/jpki-pki.js';
import { deriveRsaKey } from '../../../src/sandbox/keys.js';
import type { OcspResult } from '../../../src/revocation/ocsp/index.js';

export const pki = createSandboxPki();
export const root = pki.root('authentication');
export const otherRoot = pki.root('signing');
export const issuerCert: Certificate = parseCertificate(root.der);

/** Validation time and the responder's clock: inside every sandbox validity window. */
export const AT = new Date('2026-03-01T00:00:00Z');
export const clock = fixedClock(AT);
export const HOUR = 3_600_000;

const leafKey = deriveRsaKey('ocsp-test-leaf');

/** An authentication certificate whose AIA names `ocspUrl`. */
export function issueLeaf(
  ocspUrl = 'http://127.0.0.1:9/unused',
  serial = 0x2a2a2a2an,
): { cert: Certificate; serial: bigint } {
  const issued = pki.issueAuthenticationCertificate({ ocspUrl, serial, key: leafKey });
  return { cert: parseCertificate(issued.der), serial };
}

/** Asserts that `f` throws a GatewayError of `code` (never a raw exception). */
export function throwsCode(f: () => unknown, code: ErrorCode): GatewayError {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(GatewayError);
  expect((caught as GatewayError).code).toBe(code);
  return caught as GatewayError;
}

export async function rejectsCode(p: Promise<unknown>, code: ErrorCode): Promise<GatewayError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(GatewayError);
  expect((e as GatewayError).code).toBe(code);
  return e as GatewayError;
}

/** The result is an error with `code` (and therefore not good). */
export function expectError(r: OcspResult, code: ErrorCode): void {
  expect(r.status, r.status === 'error' ? r.error.message : 'no error').toBe('error');
  if (r.status === 'error') expect(r.error.code, r.error.message).toBe(code);
}
