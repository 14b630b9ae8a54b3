import type { KeyObject } from 'node:crypto';
import { GatewayError } from '../../../errors.js';
import { concat } from '../../../pki/der-write.js';
import { verifyPkcs1Sha256 } from '../pkcs1.js';
import type { ParsedEf0003 } from './parse-ef0003.js';
import type { ParsedEf0007 } from './parse-ef0007.js';

/**
 * What DF52 signs (the reference says only "DF51 signed by EF0004's key"; our choice, written
 * exactly so by the sandbox): DF51-TLV ‖ DF31-TLV ‖ DF32-TLV, all as stored. EF0004's key is
 * J-LIS's, shared by many cards; a signature over DF51 alone would let anyone holding a
 * genuine card splice its EF0007 onto another person's copied EF0001–EF0003 and answer the
 * challenge. Covering this card's two integrity hashes binds the key to this card's data.
 */
export function cardKeySignedBytes(ef0007: ParsedEf0007, ef0003: ParsedEf0003): Uint8Array {
  return concat(ef0007.keyTlv, ef0003.signedBytes);
}

// jpki-reference §3 step 4: EF0007's key (DF51) is certified by EF0004's (verified) key, bound to this card's data.
export function checkCardKeySignature(ef0007: ParsedEf0007, ef0003: ParsedEf0003, textApKey: KeyObject): KeyObject {
  if (!verifyPkcs1Sha256(textApKey, cardKeySignedBytes(ef0007, ef0003), ef0007.signature)) {
    throw new GatewayError('ERR_CARD_KEY_SIGNATURE_INVALID');
  }
  return ef0007.unverifiedKey;
}
