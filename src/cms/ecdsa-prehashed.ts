/**
 * ECDSA verification over a digest the caller already has (raw mode: the Digital Agency's app
 * and other hash-signing clients). node:crypto always hashes its input, so the curve math is
 * delegated to @noble/curves (audited, constant-time, no dependencies) with prehash disabled
 * rather than written here.
 */
import type { KeyObject } from 'node:crypto';
import { p256, p384, p521 } from '@noble/curves/nist.js';

const CURVES = { 'P-256': p256, 'P-384': p384, 'P-521': p521 } as const;

export function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0
    ? 0n
    : BigInt('0x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex'));
}

function toFixed(v: bigint, len: number): Uint8Array | undefined {
  const hex = v.toString(16);
  if (hex.length > len * 2) return undefined;
  return Buffer.from(hex.padStart(len * 2, '0'), 'hex');
}

/** Verifies (r, s) over `digest` with the EC public `key` (P-256, P-384 or P-521). */
export function verifyEcdsaPrehashed(key: KeyObject, digest: Uint8Array, r: bigint, s: bigint): boolean {
  const jwk = key.export({ format: 'jwk' });
  const curve = jwk.crv === undefined ? undefined : CURVES[jwk.crv as keyof typeof CURVES];
  if (!curve || jwk.x === undefined || jwk.y === undefined) return false;
  const len = curve.lengths.publicKeyUncompressed !== undefined ? (curve.lengths.publicKeyUncompressed - 1) / 2 : 0;
  const rb = toFixed(r, len);
  const sb = toFixed(s, len);
  if (!len || !rb || !sb) return false;
  const point = Buffer.concat([Buffer.of(4), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
  try {
    // lowS: false — X.509/CMS ECDSA has no low-S rule; prehash: false — `digest` is the hash.
    return curve.verify(Buffer.concat([rb, sb]), digest, point, { prehash: false, lowS: false });
  } catch {
    return false;
  }
}
