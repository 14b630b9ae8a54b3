/**
 * ECDSA verification over a digest the caller already has (FIPS 186-5 §6.4.2), for the raw
 * mode: node:crypto can only verify ECDSA over the message (with a null algorithm it still
 * hashes with SHA-256 under OpenSSL 3), and a raw signer hands us only the digest.
 * Public inputs only, so constant time does not matter; the key point was validated by
 * node when the certificate's key was imported. Curve constants: SEC 2 / FIPS 186-5,
 * cross-checked with `openssl ecparam -param_enc explicit -text`.
 */
import type { KeyObject } from 'node:crypto';

interface Curve {
  readonly p: bigint;
  readonly n: bigint;
  readonly gx: bigint;
  readonly gy: bigint;
}

const CURVES: Record<string, Curve> = {
  'P-256': {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
  },
  'P-384': {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
    gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
  },
  'P-521': {
    p: (1n << 521n) - 1n,
    n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
    gx: 0x00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66n,
    gy: 0x011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650n,
  },
};

/** Jacobian point (X/Z², Y/Z³); Z = 0 is the point at infinity. */
type Point = readonly [x: bigint, y: bigint, z: bigint];

export function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0
    ? 0n
    : BigInt('0x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex'));
}

/** Verifies (r, s) over `digest` with the EC public `key` (P-256, P-384 or P-521). */
export function verifyEcdsaPrehashed(key: KeyObject, digest: Uint8Array, r: bigint, s: bigint): boolean {
  const jwk = key.export({ format: 'jwk' });
  const curve = jwk.crv === undefined ? undefined : CURVES[jwk.crv];
  if (!curve || jwk.x === undefined || jwk.y === undefined) return false;
  const { n, p } = curve;
  if (r < 1n || r >= n || s < 1n || s >= n) return false;
  // FIPS 186-5 §6.4.2 step 4: the leftmost bit-length(n) bits of the digest.
  const nBits = n.toString(2).length;
  let e = toBigInt(digest);
  if (digest.length * 8 > nBits) e >>= BigInt(digest.length * 8 - nBits);
  const w = modInverse(s, n);
  const u1 = (e * w) % n;
  const u2 = (r * w) % n;
  const q: Point = [toBigInt(Buffer.from(jwk.x, 'base64url')), toBigInt(Buffer.from(jwk.y, 'base64url')), 1n];
  const g: Point = [curve.gx, curve.gy, 1n];
  const sum = shamir(u1, g, u2, q, p);
  if (sum[2] === 0n) return false;
  const zInv = modInverse(sum[2], p);
  const x = (sum[0] * zInv * zInv) % p;
  return x % n === r;
}

const mod = (a: bigint, m: bigint): bigint => {
  const v = a % m;
  return v < 0n ? v + m : v;
};

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(a, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return mod(oldS, m);
}

/** u1·G + u2·Q with one shared double-and-add pass (Shamir's trick). */
function shamir(u1: bigint, g: Point, u2: bigint, q: Point, p: bigint): Point {
  const gq = add(g, q, p);
  let acc: Point = [1n, 1n, 0n];
  const bits = Math.max(u1.toString(2).length, u2.toString(2).length);
  for (let i = bits - 1; i >= 0; i--) {
    acc = double(acc, p);
    const b1 = (u1 >> BigInt(i)) & 1n;
    const b2 = (u2 >> BigInt(i)) & 1n;
    if (b1 && b2) acc = add(acc, gq, p);
    else if (b1) acc = add(acc, g, p);
    else if (b2) acc = add(acc, q, p);
  }
  return acc;
}

/** dbl-2001-b for a = −3. */
function double([x, y, z]: Point, p: bigint): Point {
  if (z === 0n || y === 0n) return [1n, 1n, 0n];
  const delta = (z * z) % p;
  const gamma = (y * y) % p;
  const beta = (x * gamma) % p;
  const alpha = (3n * mod(x - delta, p) * (x + delta)) % p;
  const x3 = mod(alpha * alpha - 8n * beta, p);
  const z3 = mod((y + z) * (y + z) - gamma - delta, p);
  const y3 = mod(alpha * (4n * beta - x3) - 8n * gamma * gamma, p);
  return [x3, y3, z3];
}

function add(a: Point, b: Point, p: bigint): Point {
  if (a[2] === 0n) return b;
  if (b[2] === 0n) return a;
  const z1z1 = (a[2] * a[2]) % p;
  const z2z2 = (b[2] * b[2]) % p;
  const u1 = (a[0] * z2z2) % p;
  const u2 = (b[0] * z1z1) % p;
  const s1 = (a[1] * b[2] * z2z2) % p;
  const s2 = (b[1] * a[2] * z1z1) % p;
  if (u1 === u2) return s1 === s2 ? double(a, p) : [1n, 1n, 0n];
  const h = mod(u2 - u1, p);
  const r = mod(s2 - s1, p);
  const hh = (h * h) % p;
  const hhh = (hh * h) % p;
  const v = (u1 * hh) % p;
  const x3 = mod(r * r - hhh - 2n * v, p);
  const y3 = mod(r * (v - x3) - s1 * hhh, p);
  const z3 = (h * a[2] * b[2]) % p;
  return [x3, y3, z3];
}
