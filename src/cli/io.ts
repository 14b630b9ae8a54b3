/** CLI plumbing shared by the commands: output sinks, file reading, usage errors. */
import { readFile } from 'node:fs/promises';
import { GatewayError } from '../errors.js';
import { decodeInput, decodeInputAll } from '../pki/decode-input.js';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const defaultIo: Io = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
};

/** Bad arguments or unreadable files: exit status 2. */
export class UsageError extends Error {}

export async function readRaw(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A DER/PEM/base64 file as DER; a PEM bundle yields every block. */
export async function readDerFiles(paths: readonly string[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const p of paths) {
    try {
      out.push(...decodeInputAll(await readRaw(p)));
    } catch (e) {
      if (e instanceof GatewayError) throw new UsageError(`${p}: ${e.message}`);
      throw e;
    }
  }
  return out;
}

/** The main input: decoded when possible; undecodable bytes go to the verifier as they are so the report says why. */
export async function readSubject(path: string): Promise<Uint8Array> {
  const raw = await readRaw(path);
  try {
    return decodeInput(raw);
  } catch {
    return raw;
  }
}

export function parseAt(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(d.getTime()))
    throw new UsageError(`--at: not an ISO-8601 time: ${value}`);
  return d;
}

const PROFILES = ['jpki-signing', 'jpki-authentication', 'generic'] as const;
export type CliProfile = (typeof PROFILES)[number];

export function parseProfile(value: string | undefined): CliProfile {
  if (value === undefined) return 'jpki-signing';
  if (!(PROFILES as readonly string[]).includes(value))
    throw new UsageError(`--profile must be one of ${PROFILES.join(', ')}`);
  return value as CliProfile;
}
