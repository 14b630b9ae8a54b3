/**
 * Shared material for the CRL refresh tests. Origin: the sandbox J-LIS (createSandboxPki with
 * its default seed; keys derived and cached deterministically) — nothing is stored; rerunning
 * the tests regenerates everything.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { Clock } from '../../../src/clock.js';
import { GatewayError, type ErrorCode } from '../../../src/errors.js';
import { parseCertificate, type Certificate } from '../../../src/pki/certificate.js';
import { createSandboxPki } from '../../../src/sandbox/jpki-pki.js';
import { crlFor, type SandboxPartitionName } from '../../../src/sandbox/crl-publisher.js';
import type { CrlEntryInput } from '../../../src/sandbox/crl.js';

export const pki = createSandboxPki();
export const root = pki.root('signing');
export const rootCert: Certificate = parseCertificate(root.der);
export const otherRootCert: Certificate = parseCertificate(pki.root('signing', '2019').der);

export const CHIYODA: SandboxPartitionName = { prefecture: 'Tokyo-to', municipality: 'Chiyoda-ku' };
export const CHIYODA_ID = 'signing/tokyo-to/chiyoda-ku';
export const SHINJUKU: SandboxPartitionName = { prefecture: 'Tokyo-to', municipality: 'Shinjuku-ku' };
export const SHINJUKU_ID = 'signing/tokyo-to/shinjuku-ku';

/** 2026-03-01T00:00:00Z: inside every sandbox root's and leaf's validity. */
export const T0 = Date.parse('2026-03-01T00:00:00Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface MutableClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
  ms(): number;
}

export function mutableClock(start = T0): MutableClock {
  let t = start;
  return { now: () => new Date(t), set: (ms) => (t = ms), advance: (ms) => (t += ms), ms: () => t };
}

export interface Leaf {
  readonly der: Uint8Array;
  readonly cert: Certificate;
}

export function leaf(where: SandboxPartitionName = CHIYODA, serial?: number): Leaf {
  const issued = pki.issueSigningCertificate({
    prefecture: where.prefecture,
    municipality: where.municipality,
    ...(serial !== undefined ? { serial } : {}),
  });
  return { der: issued.der, cert: parseCertificate(issued.der) };
}

export interface CrlSpec {
  readonly crlNumber: number;
  readonly thisUpdate?: number;
  readonly validityMs?: number;
  readonly entries?: readonly CrlEntryInput[];
  readonly partition?: SandboxPartitionName;
}

export function crl(spec: CrlSpec): Uint8Array {
  const thisUpdate = new Date(spec.thisUpdate ?? T0);
  return crlFor({
    partition: spec.partition ?? CHIYODA,
    issuer: root,
    crlNumber: spec.crlNumber,
    thisUpdate,
    nextUpdate: new Date(thisUpdate.getTime() + (spec.validityMs ?? DAY)),
    entries: spec.entries ?? [],
  });
}

export const revoked = (
  l: Leaf,
  reason: CrlEntryInput['reason'] = 'affiliationChanged',
  at = T0 - HOUR,
): CrlEntryInput => ({
  serial: BigInt(`0x${l.cert.serialHex}`),
  revokedAt: new Date(at),
  reason,
});

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'crl-refresh-'));
}

export async function dropCrl(dir: string, relative: string, der: Uint8Array): Promise<void> {
  const path = join(dir, relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, der);
}

export async function rejectsWith(p: Promise<unknown>, code: ErrorCode): Promise<GatewayError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(GatewayError);
  expect((e as GatewayError).code).toBe(code);
  return e as GatewayError;
}

export function throwsWith(f: () => unknown, code: ErrorCode): GatewayError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(GatewayError);
    expect((e as GatewayError).code).toBe(code);
    return e as GatewayError;
  }
  throw new Error(`expected ${code}`);
}
