/**
 * The card side's private-key operation: RSASSA-PKCS1-v1_5 over a DigestInfo the card is given
 * (EMSA-PKCS1-v1_5 without the hashing step, RFC 8017 §8.2.1 / §9.2 step 2 onwards), exactly
 * what a JPKI card does for COMPUTE DIGITAL SIGNATURE and internal authentication.
 *
 * WebCrypto cannot do this: its RSASSA-PKCS1-v1_5 hashes a message itself, and the card only
 * ever sees the DigestInfo. So the browser signer below is plain BigInt arithmetic on the JWK
 * (CRT, then a check with the public exponent). It is neither constant-time nor hardened:
 * acceptable for sandbox keys of a simulated card, never for a real key. Node uses
 * virtual-card-signer-node.ts (OpenSSL); the tests check that the two give identical bytes.
 */
import { fromBase64 } from '../card/bytes.js';
import type { RsaPrivateJwk } from './virtual-card-profile.js';

export interface VirtualCardSigner {
  /** PKCS#1 v1.5 type-1 padding of `digestInfo` to the modulus size, then the private-key operation. */
  sign(key: RsaPrivateJwk, digestInfo: Uint8Array): Promise<Uint8Array>;
}

/** RFC 8017 §9.2 step 3: at least 8 bytes of FF padding, so the input is at most k − 11 bytes. */
export const maxDigestInfoBytes = (modulusBytes: number): number => modulusBytes - 11;

/** EM = 00 01 FF…FF 00 ‖ T (RFC 8017 §9.2 steps 4–5). */
export function emsaPkcs1v15(digestInfo: Uint8Array, k: number): Uint8Array {
  if (digestInfo.length > maxDigestInfoBytes(k)) throw new TypeError('DigestInfo too long for the key');
  const em = new Uint8Array(k).fill(0xff);
  em[0] = 0x00;
  em[1] = 0x01;
  em[k - digestInfo.length - 1] = 0x00;
  em.set(digestInfo, k - digestInfo.length);
  return em;
}

const toBigInt = (b: Uint8Array): bigint => b.reduce((n, x) => (n << 8n) | BigInt(x), 0n);
const b64uInt = (s: string): bigint => toBigInt(fromBase64(s));

function toBytes(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
  }
  return result;
}

interface CrtKey {
  n: bigint;
  e: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qi: bigint;
  k: number;
}

function crtKey(j: RsaPrivateJwk): CrtKey {
  return {
    n: b64uInt(j.n),
    e: b64uInt(j.e),
    p: b64uInt(j.p),
    q: b64uInt(j.q),
    dp: b64uInt(j.dp),
    dq: b64uInt(j.dq),
    qi: b64uInt(j.qi),
    k: fromBase64(j.n).length,
  };
}

/** The pure-JS signer (browser and Node). Keys are parsed once per JWK object. */
export function bigintRsaSigner(): VirtualCardSigner {
  const keys = new WeakMap<RsaPrivateJwk, CrtKey>();
  return {
    async sign(jwk, digestInfo) {
      let key = keys.get(jwk);
      if (!key) keys.set(jwk, (key = crtKey(jwk)));
      const m = toBigInt(emsaPkcs1v15(digestInfo, key.k));
      // RFC 8017 §5.1.2 (CRT): s = m2 + q · (qInv · (m1 − m2) mod p)
      const m1 = modPow(m, key.dp, key.p);
      const m2 = modPow(m, key.dq, key.q);
      const h = (((key.qi * (m1 - m2)) % key.p) + key.p) % key.p;
      const s = m2 + h * key.q;
      // A wrong CRT parameter would give a signature that leaks the key (Boneh–DeMillo–Lipton): check first.
      if (modPow(s, key.e, key.n) !== m) throw new Error('virtual card: RSA self-check failed (inconsistent key)');
      return toBytes(s, key.k);
    },
  };
}
