import type { HmacDrbg } from './drbg.js';

// Deterministic prime search for sandbox RSA keys: random odd start from the DRBG, then an
// incremental search (step 2) filtered by a small-prime sieve and confirmed by Miller-Rabin.
// Incremental search keeps the number of expensive modular exponentiations low (≈ 30 per prime).

const SMALL_PRIMES: number[] = (() => {
  const limit = 4096;
  const sieve = new Uint8Array(limit);
  const out: number[] = [];
  for (let i = 2; i < limit; i++) {
    if (sieve[i]) continue;
    out.push(i);
    for (let j = i * i; j < limit; j += i) sieve[j] = 1;
  }
  return out;
})();

export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
  }
  return result;
}

export function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new RangeError('modInverse: not invertible');
  return ((oldS % m) + m) % m;
}

export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/** Miller-Rabin with DRBG-chosen bases, so the verdict is reproducible too. */
export function isProbablePrime(n: bigint, rounds: number, rng: HmacDrbg): boolean {
  if (n < 2n) return false;
  for (const p of SMALL_PRIMES) {
    const bp = BigInt(p);
    if (n === bp) return true;
    if (n % bp === 0n) return false;
  }
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  const bits = bitLength(n);
  for (let i = 0; i < rounds; i++) {
    const a = 2n + (rng.bigint(bits + 64) % (n - 3n));
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    let composite = true;
    for (let r = 1; r < s; r++) {
      x = (x * x) % n;
      if (x === n - 1n) {
        composite = false;
        break;
      }
    }
    if (composite) return false;
  }
  return true;
}

/**
 * A `bits`-bit prime with its two top bits set (so p·q has exactly 2·bits bits) and
 * gcd(p − 1, e) = 1. 5 MR rounds suffice for ≥ 1024-bit random candidates (FIPS 186-5 B.3).
 */
export function generatePrime(bits: number, e: bigint, rng: HmacDrbg): bigint {
  const top = 3n << BigInt(bits - 2);
  for (;;) {
    const start = rng.bigint(bits) | top | 1n;
    const residues = SMALL_PRIMES.map((p) => Number(start % BigInt(p)));
    for (let delta = 0; delta < 1 << 16; delta += 2) {
      const candidate = start + BigInt(delta);
      if (bitLength(candidate) !== bits) break;
      let divisible = false;
      for (let i = 0; i < SMALL_PRIMES.length; i++) {
        const p = SMALL_PRIMES[i] ?? 1;
        if (((residues[i] ?? 0) + delta) % p === 0 && candidate !== BigInt(p)) {
          divisible = true;
          break;
        }
      }
      if (divisible) continue;
      if (gcd(candidate - 1n, e) !== 1n) continue;
      if (isProbablePrime(candidate, 5, rng)) return candidate;
    }
    // search window exhausted without a prime (astronomically rare): draw a new start
  }
}
