import { GatewayError } from '../../errors.js';
import { KEY_USAGE_BITS } from '../../pki/extensions.js';
import { describe } from '../path-elements.js';
import type { PathCheck } from '../types.js';

// RFC 5280 §6.1.4 (n): an issuer whose keyUsage is present must assert keyCertSign (applied to the anchor too, RFC 5937 §2).
export const checkCaKeyUsage: PathCheck = ({ path }) => {
  const issuers = [
    ...path.certificates.slice(1).map((c, i) => [c, describe(c, i + 1)] as const),
    [path.anchor.certificate, 'trust anchor'] as const,
  ];
  for (const [cert, what] of issuers) {
    if (cert.keyUsage !== undefined && (cert.keyUsage & KEY_USAGE_BITS.keyCertSign) === 0) {
      throw new GatewayError('ERR_PATH_CA_KEY_USAGE', what);
    }
  }
};
