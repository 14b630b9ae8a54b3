import { createHmac } from 'node:crypto';

// HMAC_DRBG with SHA-256 (NIST SP 800-90A §10.1.2), no reseeding. It turns a human-readable
// seed into an unbounded, reproducible byte stream, so sandbox keys are the same on every
// machine and every run. NOT for production randomness: the seed is public by design.
export class HmacDrbg {
  private k: Uint8Array = new Uint8Array(32);
  private v: Uint8Array = new Uint8Array(32).fill(1);

  constructor(seedMaterial: Uint8Array | string) {
    this.update(typeof seedMaterial === 'string' ? new TextEncoder().encode(seedMaterial) : seedMaterial);
  }

  private hmac(key: Uint8Array, ...data: Uint8Array[]): Uint8Array {
    const h = createHmac('sha256', key);
    for (const d of data) h.update(d);
    return new Uint8Array(h.digest());
  }

  private update(provided?: Uint8Array): void {
    this.k = this.hmac(this.k, this.v, Uint8Array.of(0), provided ?? new Uint8Array(0));
    this.v = this.hmac(this.k, this.v);
    if (!provided || provided.length === 0) return;
    this.k = this.hmac(this.k, this.v, Uint8Array.of(1), provided);
    this.v = this.hmac(this.k, this.v);
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let off = 0;
    while (off < n) {
      this.v = this.hmac(this.k, this.v);
      out.set(this.v.subarray(0, Math.min(32, n - off)), off);
      off += 32;
    }
    this.update();
    return out;
  }

  /** A uniformly distributed integer with exactly `bits` random bits (top bits not forced). */
  bigint(bits: number): bigint {
    const bytes = this.bytes(Math.ceil(bits / 8));
    let v = 0n;
    for (const b of bytes) v = (v << 8n) | BigInt(b);
    return v >> BigInt(bytes.length * 8 - bits);
  }
}
