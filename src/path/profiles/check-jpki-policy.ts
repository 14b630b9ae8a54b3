import { GatewayError } from '../../errors.js';
import { isTestRoot, type JpkiPurpose } from '../../trust/trust-anchor.js';
import type { PathCheck } from '../types.js';
import { JPKI_POLICIES, JPKI_POLICY_ARC, JPKI_TEST_POLICY_ARC } from './jpki-policies.js';

/**
 * Contract §2: the root a path ends at decides the admitted policy. An O=JPKI-TEST root admits
 * only the test OID of the purpose, any other root only the production OID; `allowedPolicies`
 * replaces those sets, but a test OID is never admitted under a non-test root, so sandbox
 * material can never pass against production roots.
 */
export function admittedPolicies(purpose: JpkiPurpose, testRoot: boolean, allowed?: readonly string[]): string[] {
  const base = allowed ?? JPKI_POLICIES[testRoot ? 'test' : 'production'][purpose];
  return testRoot ? [...base] : base.filter((p) => !p.startsWith(JPKI_TEST_POLICY_ARC));
}

// JPKI profile (jpki-reference §1, contract §2): the leaf carries the admitted policy and no other J-LIS policy.
export function checkJpkiPolicy(purpose: JpkiPurpose, allowed?: readonly string[]): PathCheck {
  return ({ path }) => {
    const testRoot = isTestRoot(path.anchor.certificate);
    const admitted = admittedPolicies(purpose, testRoot, allowed);
    const policies = path.certificates[0]?.policies ?? [];
    const env = testRoot ? 'test' : 'production';
    if (!policies.some((p) => admitted.includes(p))) {
      throw new GatewayError('ERR_CERT_POLICY', `no admitted ${purpose} policy for a ${env} root`);
    }
    const foreign = policies.find((p) => p.startsWith(JPKI_POLICY_ARC) && !admitted.includes(p));
    if (foreign) throw new GatewayError('ERR_CERT_POLICY', `${foreign} not admitted under a ${env} root`);
  };
}
