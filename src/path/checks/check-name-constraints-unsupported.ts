import { GatewayError } from '../../errors.js';
import { OID } from '../../pki/oids.js';
import type { PathCheck } from '../types.js';

// RFC 5280 §6.1.4 (g): name constraints are not implemented, so their presence anywhere fails closed.
export const checkNameConstraintsUnsupported: PathCheck = ({ path }) => {
  for (const cert of [...path.certificates, path.anchor.certificate]) {
    if (cert.extensions.has(OID.nameConstraints)) {
      throw new GatewayError('ERR_PATH_NAME_CONSTRAINTS_UNSUPPORTED', `serial ${cert.serialHex}`);
    }
  }
};
