import { GatewayError } from '../../errors.js';
import { namesEqual } from '../../pki/name.js';
import { intermediatesFromAnchor } from '../path-elements.js';
import type { PathCheck } from '../types.js';

// RFC 5280 §6.1.4 (l)(m): non-self-issued intermediates may not outnumber any issuer's pathLenConstraint
// (the anchor's own constraint, when it has one, is applied too: RFC 5937 §2).
export const checkPathLength: PathCheck = ({ path }) => {
  let max = path.anchor.certificate.basicConstraints?.pathLen ?? Number.POSITIVE_INFINITY;
  for (const cert of intermediatesFromAnchor(path)) {
    if (!namesEqual(cert.subject, cert.issuer)) {
      if (max <= 0) throw new GatewayError('ERR_PATH_LEN_CONSTRAINT', `at serial ${cert.serialHex}`);
      max -= 1;
    }
    const len = cert.basicConstraints?.pathLen;
    if (len !== undefined && len < max) max = len;
  }
};
