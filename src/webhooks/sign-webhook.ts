/**
 * Webhook signatures exactly as contract §5:
 *   JPKI-Gateway-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(tenant webhook secret, "<t>.<raw body>")>
 * verifyWebhookSignature is what a receiver runs (our tests' receiver does): constant-time
 * comparison and a tolerance on t against replays.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'JPKI-Gateway-Signature';

export function signatureHeader(secret: string, unixSeconds: number, rawBody: string): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

export type SignatureCheck =
  | { readonly ok: true; readonly t: number }
  | { readonly ok: false; readonly reason: 'malformed' | 'mismatch' | 'too-old' };

export function verifyWebhookSignature(
  header: string | undefined,
  rawBody: string,
  secret: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): SignatureCheck {
  const m = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return { ok: false, reason: 'malformed' };
  const t = Number(m[1]);
  const expected = Buffer.from(signatureHeader(secret, t, rawBody).slice(-64), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'))) return { ok: false, reason: 'mismatch' };
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return { ok: false, reason: 'too-old' };
  return { ok: true, t };
}
