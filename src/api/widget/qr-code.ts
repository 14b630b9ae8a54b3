/**
 * The animated QR code's proof (issue 7 item 4b): for a handoff started at T0, the code shown
 * during second t (t = whole seconds since T0) is HMAC-SHA256(secret, "<handoffId>.<t>"),
 * truncated to 128 bits, base64url. The secret never leaves the server, so only the gateway
 * can say what the QR shows now; a phone presents (t, code) and the gateway accepts only
 * a code of the last few seconds — a photo or a relayed screenshot goes stale at once.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export const QR_CODE_CHARS = 22; // 16 bytes base64url
/** How old a scanned code may be when the phone presents it (camera, page load, slow networks). */
export const QR_MAX_AGE_SECONDS = 20;

export function qrCode(secret: Uint8Array, handoffId: string, t: number): string {
  if (!Number.isSafeInteger(t) || t < 0) throw new TypeError('t must be a non-negative integer');
  return createHmac('sha256', secret).update(`${handoffId}.${t}`).digest().subarray(0, 16).toString('base64url');
}

export type QrCheck =
  | { readonly ok: true; readonly t: number }
  | { readonly ok: false; readonly reason: 'malformed' | 'stale' | 'future' | 'mismatch' };

/** The list of checks, in order; `nowT` is the handoff's current second. */
export function checkQrCode(
  secret: Uint8Array,
  handoffId: string,
  unverifiedT: unknown,
  unverifiedCode: unknown,
  nowT: number,
): QrCheck {
  // shape: t decimal digits, code 22 base64url characters
  if (typeof unverifiedT !== 'string' || !/^(0|[1-9]\d{0,8})$/.test(unverifiedT))
    return { ok: false, reason: 'malformed' };
  if (typeof unverifiedCode !== 'string' || !/^[A-Za-z0-9_-]{22}$/.test(unverifiedCode))
    return { ok: false, reason: 'malformed' };
  const t = Number(unverifiedT);
  // a code from the future was never shown (clock or forgery)
  if (t > nowT) return { ok: false, reason: 'future' };
  // freshness: only codes shown during the last QR_MAX_AGE_SECONDS
  if (nowT - t > QR_MAX_AGE_SECONDS) return { ok: false, reason: 'stale' };
  // authenticity: the HMAC under the server secret, compared in constant time
  const expected = Buffer.from(qrCode(secret, handoffId, t));
  const given = Buffer.from(unverifiedCode);
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  return { ok: true, t };
}

/**
 * A QR secret every replica derives alike from a key they already share (the active vault key),
 * separated from the vault's use by HKDF's info label (RFC 5869 §3.2).
 */
export function qrSecretFrom(sharedKey: Uint8Array): Uint8Array {
  if (sharedKey.length < 32) throw new TypeError('the shared key must be at least 32 bytes');
  return new Uint8Array(hkdfSync('sha256', sharedKey, 'jpki-gateway', 'widget-qr-v1', 32));
}
