import { GatewayError } from '../../errors.js';
import type { Certificate } from '../../pki/certificate.js';
import { describe } from '../path-elements.js';
import type { PathCheck } from '../types.js';

function checkOne(cert: Certificate, at: number, what: string): void {
  if (at < cert.notBefore) throw new GatewayError('ERR_CERT_NOT_YET_VALID', what);
  if (at > cert.notAfter) throw new GatewayError('ERR_CERT_EXPIRED', what);
}

// RFC 5280 §6.1.3 (a)(2): every certificate is valid at the validation time; the anchor too, by our choice
// (RFC 5280 §6.1.1 (d) leaves it to the relying party): J-LIS roots carry validity, and the expired 2015
// generation must only validate signatures made while it was valid, which `at` = signing time expresses.
export const checkValidity: PathCheck = ({ path, at }) => {
  path.certificates.forEach((cert, i) => checkOne(cert, at, describe(cert, i)));
  checkOne(path.anchor.certificate, at, 'trust anchor');
};
