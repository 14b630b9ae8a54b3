/** The JPKI signing / authentication profiles as lists of checks (jpki-reference §1, contract §2). */
import type { JpkiPurpose } from '../../trust/trust-anchor.js';
import type { LeafCheck, PathCheck } from '../types.js';
import { checkJpkiKeyUsage } from './check-jpki-key-usage.js';
import { checkJpkiLeafKey } from './check-jpki-leaf-key.js';
import { checkJpkiLeafNotCa } from './check-jpki-leaf-not-ca.js';
import { checkJpkiPolicy } from './check-jpki-policy.js';
import { checkJpkiPurpose } from './check-jpki-purpose.js';

/** JPKI is single-tier: the card certificate is issued directly by a root. */
export const JPKI_DEFAULT_MAX_DEPTH = 0;

export interface ProfileRules {
  readonly leafChecks: readonly LeafCheck[];
  readonly pathChecks: readonly PathCheck[];
}

export function jpkiProfile(purpose: JpkiPurpose, allowedPolicies?: readonly string[]): ProfileRules {
  return {
    leafChecks: [checkJpkiLeafNotCa, checkJpkiPurpose(purpose), checkJpkiKeyUsage(purpose), checkJpkiLeafKey],
    pathChecks: [checkJpkiPolicy(purpose, allowedPolicies)],
  };
}
