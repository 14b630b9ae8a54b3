import { GatewayError } from '../../errors.js';
import { namesEqual } from '../../pki/name.js';
import { describe } from '../path-elements.js';
import type { PathCheck } from '../types.js';

// RFC 5280 §6.1.3 (a)(4): each certificate's issuer name equals the working issuer name (the next subject / the anchor's).
export const checkNameChaining: PathCheck = ({ path }) => {
  path.certificates.forEach((cert, i) => {
    const issuerSubject = (path.certificates[i + 1] ?? path.anchor.certificate).subject;
    if (!namesEqual(cert.issuer, issuerSubject)) throw new GatewayError('ERR_PATH_NAME_CHAINING', describe(cert, i));
  });
};
