/**
 * Sandbox mode (the default of `npm start`, contract §1): the simulated J-LIS instead of the
 * real one. Trust = the sandbox roots, revocation = the sandbox's current CRLs (reissued on
 * revocation), card data = the sandbox CV CA, a demo tenant with every scope whose API key is
 * generated per start, and the /sandbox routes. Never used in production mode.
 */
import type { ApiRoutes } from '../api/api-router.js';
import type { Clock } from '../clock.js';
import { generateApiKey, hashApiKey } from '../tenants/api-key.js';
import { SCOPES, type Tenant } from '../tenants/types.js';
import { createVerifier } from '../verifier/create-verifier.js';
import type { Verifier } from '../verifier/types.js';
import { createVerifierPool, type VerifierPool } from '../verifier/pool/create-verifier-pool.js';
import type { PoolVerifierOptions } from '../verifier/pool/protocol.js';
import { createSandboxCvCa } from './cv-ca.js';
import { createSandboxPki, type SandboxPki } from './jpki-pki.js';
import { createSandboxCardRegistry, type SandboxCardRegistry } from './mode-cards.js';
import { createSandboxCrlBook, type SandboxCrlBook } from './mode-crls.js';
import { sandboxRoutes, type SandboxOcspRespond } from './mode-routes.js';
import { createSandboxOcspResponder, type SandboxOcspResponder } from './ocsp-responder.js';

export interface SandboxModeOptions {
  readonly clock: Clock;
  /** Base URL of this gateway (CRL URLs, the demo tenant's origin); a function because with
   *  PORT=0 it is known only once the server listens. */
  readonly publicUrl: () => string;
  /** Replaces the built-in sandbox OCSP responder (request DER → response DER) at POST /sandbox/ocsp. */
  readonly ocsp?: SandboxOcspRespond;
  /** Default: the default-seed sandbox J-LIS. */
  readonly pki?: SandboxPki;
  /** Verify on this many worker threads (GATEWAY_VERIFY_WORKERS); 0 or absent: on the event loop. */
  readonly workers?: number;
  /** The pool's per-call time limit (the server passes GATEWAY_REQUEST_TIMEOUT_MS). */
  readonly callTimeoutMs?: number;
}

export interface SandboxMode {
  readonly pki: SandboxPki;
  /** DER of every sandbox root (both purposes, all generations): the sandbox's trust anchors. */
  readonly trustAnchors: readonly Uint8Array[];
  /** Always validates against the current sandbox CRLs. */
  readonly verifier: Verifier;
  /** The worker threads behind `verifier` (options.workers > 0), for metrics and readiness. */
  readonly pool: VerifierPool | undefined;
  /** Resolves when the verifier can answer (its worker threads, when it has any, have started). */
  ready(): Promise<void>;
  /** Stops the verifier's worker threads, if any. */
  close(): Promise<void>;
  readonly demoTenant: Tenant;
  /** Printed at start; held only in memory. */
  readonly demoApiKey: string;
  readonly cards: SandboxCardRegistry;
  readonly crls: SandboxCrlBook;
  readonly routes: ApiRoutes;
}

export function createSandboxMode(options: SandboxModeOptions): SandboxMode {
  const { clock } = options;
  const pki = options.pki ?? createSandboxPki();
  const crls = createSandboxCrlBook(pki, clock);
  const cards = createSandboxCardRegistry(pki, clock);
  const trustAnchors = [...pki.signingRoots, ...pki.authenticationRoots].map((r) => r.der);
  const cvCaKeys = createSandboxCvCa(pki.seed).cvCaKeys();

  const optionsWith = (ders: readonly Uint8Array[]): PoolVerifierOptions => ({ trustAnchors, crls: ders, cvCaKeys });
  const pool = options.workers
    ? createVerifierPool({
        size: options.workers,
        verifier: optionsWith(crls.list().map((c) => c.der)),
        clock,
        ...(options.callTimeoutMs !== undefined ? { callTimeoutMs: options.callTimeoutMs } : {}),
      })
    : undefined;
  let built: { version: number; verifier: Verifier } | undefined = pool
    ? { version: crls.version, verifier: pool }
    : undefined;
  const current = (): Verifier => {
    const infos = crls.list(); // reissues a CRL that is due, bumping the version
    if (!built || built.version !== crls.version) {
      const next = optionsWith(infos.map((c) => c.der));
      // Workers get the new CRLs before any later call (one ordered port per worker).
      if (pool) pool.configure(next);
      built = { version: crls.version, verifier: pool ?? createVerifier({ ...next, clock }) };
    }
    return built.verifier;
  };

  const verifier: Verifier = {
    verifySignature: (input) => current().verifySignature(input),
    verifyCertificate: (input) => current().verifyCertificate(input),
    verifyCardData: (input) => current().verifyCardData(input),
  };

  // The OCSP responder answers from the same revocation entries as the CRLs; built on first use
  // (its delegated responder certificates cost a key derivation each the first time).
  let responder: SandboxOcspResponder | undefined;
  const ocsp: SandboxOcspRespond =
    options.ocsp ??
    ((request) =>
      (responder ??= createSandboxOcspResponder({
        pki,
        clock,
        revocationOf: (issuerKeyId, serial) =>
          crls.revocationOf(issuerKeyId, BigInt(`0x${Buffer.from(serial).toString('hex') || '0'}`)),
      })).respond(request));

  const demoApiKey = generateApiKey('sk_sandbox');
  const demoTenant: Tenant = Object.freeze({
    id: 'demo',
    name: 'Demo Securities (sandbox)',
    apiKeySha256: hashApiKey(demoApiKey),
    scopes: new Set(SCOPES),
    get origins() {
      return Object.freeze([new URL(options.publicUrl()).origin]);
    },
    webhookSecret: generateApiKey('whsec'),
  });

  return {
    pki,
    trustAnchors: Object.freeze(trustAnchors),
    verifier: Object.freeze(verifier),
    pool,
    ready: () => pool?.ready() ?? Promise.resolve(),
    close: () => pool?.close() ?? Promise.resolve(),
    demoTenant,
    demoApiKey,
    cards,
    crls,
    routes: sandboxRoutes({ cards, crls, clock, publicUrl: options.publicUrl, ocsp }),
  };
}
