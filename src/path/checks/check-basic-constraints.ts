import { GatewayError } from '../../errors.js';
import { describe } from '../path-elements.js';
import type { PathCheck } from '../types.js';

// RFC 5280 §6.1.4 (k): every intermediate is a v3 certificate with basicConstraints cA TRUE (v1/v2 never reach here: the parser refuses them).
export const checkBasicConstraints: PathCheck = ({ path }) => {
  path.certificates.forEach((cert, i) => {
    if (i === 0) return;
    if (cert.version !== 3 || cert.basicConstraints?.ca !== true) {
      throw new GatewayError('ERR_PATH_BASIC_CONSTRAINTS', describe(cert, i));
    }
  });
};
