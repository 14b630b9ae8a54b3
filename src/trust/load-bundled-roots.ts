/**
 * The six J-LIS production roots shipped in `trust/jlis/` (jpki-reference §1). The folder is
 * found by walking up from this module to the package root, so the same code works from
 * `src/` (tsx, vitest) and from `dist/` (after `tsc`), and inside node_modules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCertificate } from '../pki/certificate.js';
import { decodeInput } from '../pki/decode-input.js';
import { createTrustStore, type TrustStore } from './create-trust-store.js';
import { toTrustAnchor, type JpkiPurpose } from './trust-anchor.js';

const BUNDLE = join('trust', 'jlis');

/** Absolute path of the bundled `trust/jlis` folder. Throws if the package was installed without it. */
export function bundledRootsDirectory(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const candidate = join(dir, BUNDLE);
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`bundled J-LIS roots not found above ${from}`);
    dir = parent;
  }
}

let cached: TrustStore | undefined;

/**
 * All six bundled roots as one store; use `.forPurpose('signing' | 'authentication')` for the
 * per-purpose stores. Each root's purpose comes from its OU, and a file whose OU does not
 * name the purpose its file name says is refused, so a mislabelled swap cannot cross stores.
 */
export function loadBundledRoots(): TrustStore {
  if (cached) return cached;
  const dir = bundledRootsDirectory();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.pem'))
    .sort();
  const anchors = files.map((f) => {
    const certificate = parseCertificate(decodeInput(readFileSync(join(dir, f))));
    const anchor = toTrustAnchor(certificate);
    const expected: JpkiPurpose | undefined = f.startsWith('sign-') ? 'signing' : f.startsWith('auth-') ? 'authentication' : undefined;
    if (anchor.purpose === undefined || anchor.purpose !== expected) {
      throw new Error(`bundled root ${f}: subject OU names purpose ${String(anchor.purpose)}, file name says ${String(expected)}`);
    }
    return anchor;
  });
  cached = createTrustStore(anchors);
  return cached;
}
