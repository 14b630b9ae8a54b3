/** JPKI certificate policy OIDs and the purpose signals of a leaf (jpki-reference §1). */
import type { Certificate } from '../../pki/certificate.js';
import { KEY_USAGE_BITS } from '../../pki/extensions.js';
import { OID } from '../../pki/oids.js';
import type { JpkiPurpose } from '../../trust/trust-anchor.js';

/** The J-LIS policy arc; every policy in it must be the one the root and purpose admit. */
export const JPKI_POLICY_ARC = '1.2.392.200149.8.5.1.';
/** Test-environment policies (O=JPKI-TEST roots): never admitted under any other root. */
export const JPKI_TEST_POLICY_ARC = '1.2.392.200149.8.5.1.0.';

export const JPKI_POLICIES: Record<'production' | 'test', Record<JpkiPurpose, readonly string[]>> = {
  production: { signing: [OID.jpkiSigningPolicy], authentication: [OID.jpkiAuthenticationPolicy] },
  test: { signing: [OID.jpkiTestSigningPolicy], authentication: [OID.jpkiTestAuthenticationPolicy] },
};

const POLICY_PURPOSE: Record<string, JpkiPurpose> = {
  [OID.jpkiSigningPolicy]: 'signing',
  [OID.jpkiTestSigningPolicy]: 'signing',
  [OID.jpkiAuthenticationPolicy]: 'authentication',
  [OID.jpkiTestAuthenticationPolicy]: 'authentication',
};

/**
 * The purposes a leaf declares: by policy OID, by extKeyUsage clientAuth without
 * nonRepudiation (authentication), or by nonRepudiation without clientAuth (signing).
 */
export function declaredPurposes(leaf: Certificate): Set<JpkiPurpose> {
  const out = new Set<JpkiPurpose>();
  for (const p of leaf.policies ?? []) {
    const purpose = POLICY_PURPOSE[p];
    if (purpose) out.add(purpose);
  }
  const nonRepudiation = leaf.keyUsage !== undefined && (leaf.keyUsage & KEY_USAGE_BITS.nonRepudiation) !== 0;
  const clientAuth = leaf.extKeyUsage?.includes(OID.kpClientAuth) ?? false;
  if (clientAuth && !nonRepudiation) out.add('authentication');
  if (nonRepudiation && !clientAuth) out.add('signing');
  return out;
}
