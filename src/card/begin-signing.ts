/**
 * The card half of two-step signing (jpki-reference §4 signing flow; architecture.md flow 2):
 * SELECT JPKI-AP → VERIFY signing password → read the signing certificate. The widget sends
 * the certificate to data-to-sign, receives the DigestInfo, and calls `sign` — on the same
 * card connection, whose security state still holds the verified password.
 */
import type { JpkiCard } from './jpki-card.js';

export interface SigningSession {
  /** The signing certificate (DER) read after the password was verified. */
  readonly certificate: Uint8Array;
  /** COMPUTE DIGITAL SIGNATURE with the signing key over a DigestInfo (SHA-256/384/512). */
  sign(digestInfo: Uint8Array): Promise<Uint8Array>;
}

export async function beginSigning(card: JpkiCard, input: { readonly password: string }): Promise<SigningSession> {
  await card.selectJpkiAp();
  await card.verifyPin('signing', input.password);
  const certificate = await card.readSigningCertificate();
  return { certificate, sign: (digestInfo) => card.computeSignature(digestInfo, 'signing') };
}
