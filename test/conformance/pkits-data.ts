/**
 * NIST PKITS 1.0.1 data (public domain) as laid out in ../shared/conformance/pkits: the
 * manifest (one entry per test, trust anchor first, end entity last) and the DER files.
 * The folder lives beside the repository, never inside it; when it is absent the suite skips.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PkitsCase {
  readonly num: string;
  readonly title: string;
  readonly name: string;
  readonly certs: readonly string[];
  readonly crls: readonly string[];
  readonly info: { readonly should_validate: boolean } & Record<string, unknown>;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PKITS_DIR = resolve(REPO_ROOT, '../shared/conformance/pkits');

export function pkitsAvailable(): boolean {
  return existsSync(join(PKITS_DIR, 'manifest.json'));
}

export function loadManifest(): PkitsCase[] {
  return JSON.parse(readFileSync(join(PKITS_DIR, 'manifest.json'), 'utf8')) as PkitsCase[];
}

const cache = new Map<string, Uint8Array>();

function read(path: string): Uint8Array {
  let b = cache.get(path);
  if (!b) {
    b = new Uint8Array(readFileSync(path));
    cache.set(path, b);
  }
  return b;
}

export const certBytes = (name: string): Uint8Array => read(join(PKITS_DIR, 'certs', `${name}.crt`));
export const crlBytes = (name: string): Uint8Array => read(join(PKITS_DIR, 'crls', `${name}.crl`));

/** "4.13.2" → "4.13". */
export const sectionOf = (num: string): string => num.split('.').slice(0, 2).join('.');

/** PKITS.pdf section titles, for the report. */
export const SECTION_TITLES: Record<string, string> = {
  '4.1': 'Signature Verification',
  '4.2': 'Validity Periods',
  '4.3': 'Verifying Name Chaining',
  '4.4': 'Basic Certificate Revocation',
  '4.5': 'Verifying Paths with Self-Issued Certificates',
  '4.6': 'Verifying Basic Constraints',
  '4.7': 'Key Usage',
  '4.8': 'Certificate Policies',
  '4.9': 'Require Explicit Policy',
  '4.10': 'Policy Mappings',
  '4.11': 'Inhibit Policy Mapping',
  '4.12': 'Inhibit Any Policy',
  '4.13': 'Name Constraints',
  '4.14': 'Distribution Points',
  '4.15': 'Delta-CRLs',
  '4.16': 'Private Certificate Extensions',
};
