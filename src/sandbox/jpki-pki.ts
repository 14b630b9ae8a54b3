import { createHash } from 'node:crypto';
import { ROOT_GENERATIONS, createRoot, type RootGeneration, type SandboxRoot } from './jpki-roots.js';
import { issueLeaf, type IssueOptions, type IssuedCertificate, type SandboxIssuer } from './jpki-leaf.js';
import type { JpkiPurpose } from './jpki-names.js';

// The simulated J-LIS: two purposes × three root generations, and leaf issuance with the
// production profile. Everything is a pure function of the seed and the options (no wall
// clock, no randomness), so the same seed reproduces every byte.

export interface SandboxPki {
  readonly seed: string;
  readonly signingRoots: readonly SandboxRoot[];
  readonly authenticationRoots: readonly SandboxRoot[];
  root(purpose: JpkiPurpose, generation?: RootGeneration): SandboxRoot;
  issueSigningCertificate<I extends SandboxIssuer = SandboxRoot>(opts?: IssueOptions<I>): IssuedCertificate<I>;
  issueAuthenticationCertificate<I extends SandboxIssuer = SandboxRoot>(opts?: IssueOptions<I>): IssuedCertificate<I>;
}

export interface SandboxPkiOptions {
  seed?: string;
}

export const DEFAULT_SANDBOX_SEED = 'jpki-gateway-sandbox';

/**
 * Default leaf serials: a per-purpose counter run through SHA-256, giving distinct 4-byte
 * serials (0x01000000–0x7fffffff, always 4 DER octets like production) in a fixed sequence.
 */
function serialSequence(seed: string, purpose: JpkiPurpose): () => bigint {
  let counter = 0;
  const used = new Set<bigint>();
  return () => {
    for (;;) {
      const h = createHash('sha256').update(`${seed}/leaf-serial/${purpose}/${counter++}`).digest();
      const serial = 0x01000000n + (BigInt(h.readUInt32BE(0)) % 0x7f000000n);
      if (!used.has(serial)) {
        used.add(serial);
        return serial;
      }
    }
  };
}

export function createSandboxPki({ seed = DEFAULT_SANDBOX_SEED }: SandboxPkiOptions = {}): SandboxPki {
  const roots = (purpose: JpkiPurpose): readonly SandboxRoot[] =>
    Object.freeze(ROOT_GENERATIONS.map((g) => createRoot(seed, purpose, g)));
  const signingRoots = roots('signing');
  const authenticationRoots = roots('authentication');
  const nextSerial = {
    signing: serialSequence(seed, 'signing'),
    authentication: serialSequence(seed, 'authentication'),
  };

  const root = (purpose: JpkiPurpose, generation: RootGeneration = '2023'): SandboxRoot => {
    const list = purpose === 'signing' ? signingRoots : authenticationRoots;
    const found = list.find((r) => r.generation === generation);
    if (!found) throw new TypeError(`unknown root generation ${String(generation)}`);
    return found;
  };

  const issue = <I extends SandboxIssuer>(purpose: JpkiPurpose, opts: IssueOptions<I> = {}): IssuedCertificate<I> => {
    // Without an explicit issuer the root is a SandboxRoot, which is what I defaults to.
    const issuer = opts.issuer ?? (root(purpose, opts.generation) as SandboxIssuer as I);
    return issueLeaf(seed, purpose, issuer, opts, nextSerial[purpose]);
  };

  return Object.freeze({
    seed,
    signingRoots,
    authenticationRoots,
    root,
    issueSigningCertificate: <I extends SandboxIssuer = SandboxRoot>(opts?: IssueOptions<I>) => issue('signing', opts),
    issueAuthenticationCertificate: <I extends SandboxIssuer = SandboxRoot>(opts?: IssueOptions<I>) =>
      issue('authentication', opts),
  });
}
