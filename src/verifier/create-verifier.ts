/**
 * createVerifier (contract §2): trust anchors, intermediates and CRLs are parsed and
 * indexed once; CA public keys are imported once and cached, which is what keeps the
 * per-signature cost close to the two RSA verifications it cannot avoid.
 */
import { systemClock } from '../clock.js';
import { isGatewayError } from '../errors.js';
import { parseCertificate, type Certificate } from '../pki/certificate.js';
import { createTrustStore, loadBundledRoots, type TrustStore } from '../trust/index.js';
import { CrlStore } from './crl-store.js';
import { createVerifierOcspChecker } from './create-verifier-ocsp-checker.js';
import { createCvCaKeyring } from '../identity/my-number/cv-ca-keys.js';
import { verifyCardData } from '../identity/my-number/verify-card-data.js';
import { verifyCertificate } from './verify-certificate.js';
import { verifySignature } from './verify-signature.js';
import type { SignerContext } from './validate-signer.js';
import type { RevocationMethod, Verifier, VerifierOptions } from './types.js';
import type { Profile } from '../report/types.js';

const METHODS: readonly RevocationMethod[] = ['crl', 'ocsp', 'ocsp-then-crl', 'crl-then-ocsp', 'none'];

function parseAll(ders: readonly Uint8Array[] | undefined, what: string): Certificate[] {
  if (ders === undefined) return [];
  if (!Array.isArray(ders)) throw new TypeError(`${what} must be an array of Uint8Array`);
  return ders.map((der, i) => {
    if (!(der instanceof Uint8Array)) throw new TypeError(`${what}[${i}] must be a Uint8Array`);
    try {
      return parseCertificate(der);
    } catch (e) {
      if (isGatewayError(e)) throw new TypeError(`${what}[${i}] is not a usable certificate: ${e.code}`);
      throw e;
    }
  });
}

export function createVerifier(options: VerifierOptions = {}): Verifier {
  if (typeof options !== 'object' || options === null) throw new TypeError('createVerifier: options must be an object');
  const clock = options.clock ?? systemClock;
  if (typeof clock.now !== 'function') throw new TypeError('createVerifier: clock must have now()');
  const revocation = options.revocation ?? 'crl';
  if (!METHODS.includes(revocation)) throw new TypeError(`revocation must be one of ${METHODS.join(', ')}`);
  const graceMs = options.crlGraceMs ?? 0;
  if (!Number.isFinite(graceMs) || graceMs < 0) throw new TypeError('crlGraceMs must be a non-negative number');
  if (options.ocspChecker !== undefined && typeof options.ocspChecker?.check !== 'function') {
    throw new TypeError('ocspChecker must have check()');
  }
  for (const [i, c] of (options.crls ?? []).entries()) {
    if (!(c instanceof Uint8Array)) throw new TypeError(`crls[${i}] must be a Uint8Array`);
  }

  const given = options.trustAnchors !== undefined;
  let anchors: TrustStore;
  if (given) {
    const certs = parseAll(options.trustAnchors, 'trustAnchors');
    if (certs.length === 0) throw new TypeError('trustAnchors is empty');
    try {
      anchors = createTrustStore(certs);
    } catch (e) {
      if (isGatewayError(e)) throw new TypeError(`trustAnchors: ${e.message}`);
      throw e;
    }
  } else {
    anchors = loadBundledRoots();
  }
  const ctx: SignerContext = {
    anchors,
    intermediates: parseAll(options.intermediates, 'intermediates'),
    crls: new CrlStore(options.crls ?? [], clock, graceMs),
    revocation,
    // One checker per verifier (or the caller's) so its answer cache is shared by every verification.
    ocsp: options.ocspChecker ?? createVerifierOcspChecker(options, clock),
    crlManager: options.crlManager,
    allowedPolicies: options.allowedPolicies,
  };
  const cvCaKeys = createCvCaKeyring(options.cvCaKeys);
  const now = (): Date => clock.now();
  const requireAnchorsFor = (profile: Profile | undefined): void => {
    // contract §2: `generic` has no default trust; the J-LIS roots only make sense for JPKI.
    if (profile === 'generic' && !given) throw new TypeError('profile generic needs trustAnchors');
  };
  const verifier: Verifier = {
    verifySignature: async (input) => {
      requireAnchorsFor(input?.profile);
      return verifySignature(ctx, now, input);
    },
    verifyCertificate: async (input) => {
      requireAnchorsFor(input?.profile);
      return verifyCertificate(ctx, now, input);
    },
    verifyCardData: async (input) => verifyCardData(cvCaKeys, input),
  };
  return Object.freeze(verifier);
}
