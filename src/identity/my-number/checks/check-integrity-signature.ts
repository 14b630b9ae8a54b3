import type { KeyObject } from 'node:crypto';
import { GatewayError } from '../../../errors.js';
import { verifyPkcs1Sha256 } from '../pkcs1.js';
import type { ParsedEf0003 } from './parse-ef0003.js';

// jpki-reference §3 step 2: DF33 verifies over DF31-TLV ‖ DF32-TLV as stored, with EF0004's (verified) key.
export function checkIntegritySignature(ef0003: ParsedEf0003, textApKey: KeyObject): void {
  if (!verifyPkcs1Sha256(textApKey, ef0003.signedBytes, ef0003.signature)) {
    throw new GatewayError('ERR_CARD_INTEGRITY_SIGNATURE_INVALID');
  }
}
