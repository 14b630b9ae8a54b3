import { GatewayError } from '../../errors.js';
import { OID } from '../../pki/oids.js';
import type { PathCheck } from '../types.js';

const UNSUPPORTED = [OID.policyMappings, OID.policyConstraints, OID.inhibitAnyPolicy];

// RFC 5280 §6.1.4 (a)(b)(h)(i)(j): policy mapping and policy constraints are not implemented, so they fail closed.
export const checkPolicyConstraintsUnsupported: PathCheck = ({ path }) => {
  for (const cert of [...path.certificates, path.anchor.certificate]) {
    const found = UNSUPPORTED.find((oid) => cert.extensions.has(oid));
    if (found) throw new GatewayError('ERR_PATH_POLICY_UNSUPPORTED', `${found} in serial ${cert.serialHex}`);
  }
};
