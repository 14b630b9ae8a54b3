import type { KeyObject } from 'node:crypto';
import { GatewayError } from '../../../errors.js';
import { verifyPkcs1Sha256 } from '../pkcs1.js';

/**
 * jpki-reference §3 step 4, §4: the card signed DigestInfo(SHA-256(challenge)) with its own key
 * (internal authenticate, no PIN), verified with DF51 — proof of presence, so copied files
 * cannot be replayed. The challenge is the caller's single-use nonce.
 */
export function checkChallengeSignature(
  cardKey: KeyObject,
  challenge: Uint8Array,
  unverifiedSignature: Uint8Array,
): void {
  if (unverifiedSignature.length !== 256 || !verifyPkcs1Sha256(cardKey, challenge, unverifiedSignature)) {
    throw new GatewayError('ERR_CARD_CHALLENGE_SIGNATURE_INVALID');
  }
}
