import {
  createECDH,
  createHash,
  createPrivateKey,
  createPublicKey,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HmacDrbg } from './drbg.js';
import { gcd, generatePrime, modInverse } from './primes.js';

// Deterministic key pairs for the sandbox: the same seed gives the same key on every machine,
// so sandbox certificates, vectors and benchmark inputs are reproducible byte for byte.
// Fresh RSA-2048 derivation measured on the 2-core dev machine: ≈ 0.3–1.5 s (median ≈ 0.6 s);
// the memory + disk cache makes repeated test runs ≈ 1 ms per key.

export interface SandboxKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface DeriveOptions {
  /** false = skip the memory and disk caches (used to measure a fresh derivation). */
  cache?: boolean;
}

const CACHE_VERSION = 1;
const memoryCache = new Map<string, SandboxKeyPair>();

function b64u(n: bigint, length?: number): string {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (length !== undefined) hex = hex.padStart(length * 2, '0');
  return Buffer.from(hex, 'hex').toString('base64url');
}

function cacheDir(): string {
  return join(process.cwd(), 'node_modules', '.cache', 'jpki-gateway-sandbox');
}

// Best effort: a missing, unreadable, corrupt or read-only cache only costs time.
function readDiskCache(id: string): JsonWebKey | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(cacheDir(), `${id}.json`), 'utf8')) as {
      v?: number;
      jwk?: JsonWebKey;
    };
    return parsed.v === CACHE_VERSION ? parsed.jwk : undefined;
  } catch {
    return undefined;
  }
}

function writeDiskCache(id: string, jwk: JsonWebKey): void {
  try {
    const dir = cacheDir();
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${id}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify({ v: CACHE_VERSION, jwk }), {
      mode: 0o600,
    });
    renameSync(tmp, join(dir, `${id}.json`)); // atomic: parallel test workers never see half a file
  } catch {
    /* unwritable cache is fine */
  }
}

function fromJwk(jwk: JsonWebKey): SandboxKeyPair {
  const privateKey = createPrivateKey({ key: jwk, format: 'jwk' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

function cached(kind: string, seed: string, make: () => JsonWebKey, opts: DeriveOptions): SandboxKeyPair {
  if (opts.cache === false) return fromJwk(make());
  const id = createHash('sha256').update(`${kind}\0${seed}`).digest('hex');
  const hit = memoryCache.get(id);
  if (hit) return hit;
  let pair: SandboxKeyPair | undefined;
  const disk = readDiskCache(id);
  if (disk) {
    try {
      pair = fromJwk(disk);
    } catch {
      pair = undefined;
    }
  }
  if (!pair) {
    const jwk = make();
    pair = fromJwk(jwk);
    writeDiskCache(id, jwk);
  }
  memoryCache.set(id, pair);
  return pair;
}

function rsaJwk(seed: string, bits: number): JsonWebKey {
  const e = 65537n;
  const rng = new HmacDrbg(`jpki-gateway-sandbox/rsa/${bits}/${seed}`);
  for (;;) {
    const p = generatePrime(bits / 2, e, rng);
    const q = generatePrime(bits / 2, e, rng);
    // FIPS 186-5 A.1.3: |p − q| must not be tiny, or n is easy to factor (Fermat).
    const diff = p > q ? p - q : q - p;
    if (diff >> BigInt(bits / 2 - 100) === 0n) continue;
    const n = p * q;
    const lambda = ((p - 1n) * (q - 1n)) / gcd(p - 1n, q - 1n);
    const d = modInverse(e, lambda);
    const half = bits / 16;
    return {
      kty: 'RSA',
      n: b64u(n, bits / 8),
      e: b64u(e),
      d: b64u(d),
      p: b64u(p, half),
      q: b64u(q, half),
      dp: b64u(d % (p - 1n)),
      dq: b64u(d % (q - 1n)),
      qi: b64u(modInverse(q, p)),
    };
  }
}

export function deriveRsaKey(seed: string, bits = 2048, opts: DeriveOptions = {}): SandboxKeyPair {
  if (!Number.isInteger(bits) || bits < 1024 || bits % 16 !== 0) {
    throw new TypeError(`deriveRsaKey: unsupported size ${bits}`);
  }
  return cached(`rsa-${bits}`, seed, () => rsaJwk(seed, bits), opts);
}

export type SandboxCurve = 'P-256' | 'P-384';

const CURVES: Record<SandboxCurve, { openssl: string; order: bigint; size: number }> = {
  'P-256': {
    openssl: 'prime256v1',
    order: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    size: 32,
  },
  'P-384': {
    openssl: 'secp384r1',
    order: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    size: 48,
  },
};

function ecJwk(seed: string, curve: SandboxCurve): JsonWebKey {
  const { openssl, order, size } = CURVES[curve];
  const rng = new HmacDrbg(`jpki-gateway-sandbox/ec/${curve}/${seed}`);
  // 64 extra bits make the bias of the modular reduction negligible (FIPS 186-5 A.2.1).
  const d = (rng.bigint(size * 8 + 64) % (order - 1n)) + 1n;
  const ecdh = createECDH(openssl);
  ecdh.setPrivateKey(Buffer.from(d.toString(16).padStart(size * 2, '0'), 'hex'));
  const point = ecdh.getPublicKey(); // 04 ‖ x ‖ y
  return {
    kty: 'EC',
    crv: curve,
    x: point.subarray(1, 1 + size).toString('base64url'),
    y: point.subarray(1 + size).toString('base64url'),
    d: b64u(d, size),
  };
}

export function deriveEcKey(seed: string, curve: SandboxCurve = 'P-256', opts: DeriveOptions = {}): SandboxKeyPair {
  if (!(curve in CURVES)) throw new TypeError(`deriveEcKey: unsupported curve ${String(curve)}`);
  return cached(`ec-${curve}`, seed, () => ecJwk(seed, curve), opts);
}
