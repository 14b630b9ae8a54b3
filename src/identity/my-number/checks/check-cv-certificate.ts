import type { KeyObject } from 'node:crypto';
import { GatewayError } from '../../../errors.js';
import type { CvCaKeyring } from '../cv-ca-keys.js';
import { verifyPkcs1Sha256 } from '../pkcs1.js';
import type { ParsedEf0004 } from './parse-ef0004.js';

// jpki-reference §3 step 1: EF0004's signature over its body verifies with the CV CA key its issuer key id names.
export function checkCvCertificate(ef0004: ParsedEf0004, keyring: CvCaKeyring): KeyObject {
  const caKey = keyring.get(ef0004.issuerKeyId);
  if (caKey === undefined) throw new GatewayError('ERR_CARD_CV_CA_UNKNOWN', `issuer key id ${ef0004.issuerKeyId}`);
  if (!verifyPkcs1Sha256(caKey, ef0004.body, ef0004.signature)) throw new GatewayError('ERR_CARD_CV_SIGNATURE_INVALID');
  return ef0004.unverifiedKey;
}
