/**
 * validatePath: find and validate a certification path from a leaf to a trust anchor
 * (RFC 5280 §6.1 for what JPKI and generic PKIs use), then apply the profile's rules.
 * Returns the validated path or throws a GatewayError with the most specific code; caller
 * mistakes (no anchors, bad options) throw TypeError.
 *
 * Order (architecture.md pipeline): leaf rules (profile, purpose, requested usages) → path
 * search with the RFC 5280 checks and the profile's path rules on every complete candidate →
 * for JPKI, "would it chain to the other purpose's root?" to turn PATH_NOT_FOUND into
 * ERR_CERT_WRONG_PURPOSE. Revocation is not done here: see pathElements() for the links.
 */
import { GatewayError } from '../errors.js';
import { createTrustStore, isTrustStore, type TrustStore } from '../trust/create-trust-store.js';
import type { JpkiPurpose } from '../trust/trust-anchor.js';
import { checkBasicConstraints } from './checks/check-basic-constraints.js';
import { checkCaKeyUsage } from './checks/check-ca-key-usage.js';
import { checkCriticalExtensions } from './checks/check-critical-extensions.js';
import { checkLeafPublicKey } from './checks/check-leaf-public-key.js';
import { checkNameChaining } from './checks/check-name-chaining.js';
import { checkNameConstraintsUnsupported } from './checks/check-name-constraints-unsupported.js';
import { checkPathLength } from './checks/check-path-length.js';
import { checkPolicyConstraintsUnsupported } from './checks/check-policy-constraints-unsupported.js';
import { checkRequestedExtKeyUsage } from './checks/check-requested-ext-key-usage.js';
import { checkRequestedKeyUsage } from './checks/check-requested-key-usage.js';
import { checkValidity } from './checks/check-validity.js';
import { findPath } from './find-path.js';
import { JPKI_DEFAULT_MAX_DEPTH, jpkiProfile, type ProfileRules } from './profiles/jpki-profile.js';
import type { LeafCheck, PathCheck, PathProfile, ValidatedPath, ValidatePathInput } from './types.js';

export const GENERIC_DEFAULT_MAX_DEPTH = 4;

/** RFC 5280 §6.1 checks on every complete candidate, in the order their codes take precedence. */
export const RFC5280_PATH_CHECKS: readonly PathCheck[] = [
  checkNameChaining,
  checkValidity,
  checkNameConstraintsUnsupported,
  checkPolicyConstraintsUnsupported,
  checkCriticalExtensions,
  checkBasicConstraints,
  checkCaKeyUsage,
  checkPathLength,
];

const PURPOSE: Record<PathProfile, JpkiPurpose | undefined> = {
  'jpki-signing': 'signing',
  'jpki-authentication': 'authentication',
  generic: undefined,
};

const OTHER: Record<JpkiPurpose, JpkiPurpose> = { signing: 'authentication', authentication: 'signing' };

export function validatePath(input: ValidatePathInput): ValidatedPath {
  checkInput(input);
  const store = isTrustStore(input.anchors) ? input.anchors : createTrustStore(input.anchors);
  if (store.anchors.length === 0) throw new TypeError('validatePath: no trust anchors');
  const purpose = PURPOSE[input.profile];
  const rules: ProfileRules = purpose
    ? jpkiProfile(purpose, input.allowedPolicies)
    : { leafChecks: [], pathChecks: [] };
  const leafChecks: LeafCheck[] = [...rules.leafChecks, checkLeafPublicKey];
  if (input.keyUsage?.length) leafChecks.push(checkRequestedKeyUsage(input.keyUsage));
  if (input.extendedKeyUsage?.length) leafChecks.push(checkRequestedExtKeyUsage(input.extendedKeyUsage));
  for (const check of leafChecks) check(input.leaf);

  const maxDepth = input.maxDepth ?? (purpose ? JPKI_DEFAULT_MAX_DEPTH : GENERIC_DEFAULT_MAX_DEPTH);
  const common = { leaf: input.leaf, intermediates: input.intermediates ?? [], maxDepth, at: input.at };
  const result = findPath({
    ...common,
    anchors: purpose ? usableFor(store, purpose) : store,
    checks: [...RFC5280_PATH_CHECKS, ...rules.pathChecks],
  });
  if (result.status === 'found') return { certificates: result.path.certificates, anchor: result.path.anchor };

  // JPKI (jpki-reference §1): separate stores per purpose. A leaf whose signature chains only to the
  // other purpose's root is reported as used for the wrong purpose, not as merely unknown.
  if (purpose && result.error.code === 'ERR_PATH_NOT_FOUND') {
    const other = store.forPurpose(OTHER[purpose]);
    if (other.anchors.length > 0 && findPath({ ...common, anchors: other, checks: [] }).status === 'found') {
      throw new GatewayError('ERR_CERT_WRONG_PURPOSE', `chains to a ${OTHER[purpose]} root`);
    }
  }
  throw result.error;
}

const usable = new WeakMap<TrustStore, Map<JpkiPurpose, TrustStore>>();

/**
 * Anchors a JPKI profile may end at: the purpose's own roots, plus anchors that name no
 * JPKI purpose (a caller-configured CA, e.g. for smartphone JPKI, whose DN is not published);
 * the profile's leaf and policy rules still apply to those.
 */
function usableFor(store: TrustStore, purpose: JpkiPurpose): TrustStore {
  let m = usable.get(store);
  if (!m) usable.set(store, (m = new Map()));
  let s = m.get(purpose);
  if (!s) {
    s = createTrustStore(store.anchors.filter((a) => a.purpose === purpose || a.purpose === undefined));
    m.set(purpose, s);
  }
  return s;
}

function checkInput(input: ValidatePathInput): void {
  if (!input || typeof input !== 'object' || !input.leaf) throw new TypeError('validatePath: leaf is required');
  if (!Number.isFinite(input.at)) throw new TypeError('validatePath: `at` must be a time in ms');
  if (!(input.profile in PURPOSE)) throw new TypeError(`validatePath: unknown profile ${String(input.profile)}`);
  if (input.maxDepth !== undefined && !(Number.isInteger(input.maxDepth) && input.maxDepth >= 0)) {
    throw new TypeError('validatePath: maxDepth must be a non-negative integer');
  }
  if (input.allowedPolicies !== undefined && PURPOSE[input.profile] === undefined) {
    throw new TypeError('validatePath: allowedPolicies applies to the JPKI profiles only');
  }
}
