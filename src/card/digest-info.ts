/**
 * DigestInfo (RFC 8017 §9.2 note 1) for the card layer, browser-safe (src/cms/digest-info.ts
 * uses Buffer). A JPKI card signs exactly this structure with PKCS#1 v1.5 padding.
 */
import { concatBytes, fromHex } from './bytes.js';

const PREFIXES = [
  { hash: 'SHA-256', prefix: fromHex('3031300d060960864801650304020105000420'), digestLength: 32 },
  { hash: 'SHA-384', prefix: fromHex('3041300d060960864801650304020205000430'), digestLength: 48 },
  { hash: 'SHA-512', prefix: fromHex('3051300d060960864801650304020305000440'), digestLength: 64 },
] as const;

export type DigestInfoHash = (typeof PREFIXES)[number]['hash'];

/** Which hash a DigestInfo is for, or undefined when the bytes are not exactly one of the three. */
export function digestInfoHash(b: Uint8Array): DigestInfoHash | undefined {
  return PREFIXES.find((p) => b.length === p.prefix.length + p.digestLength && p.prefix.every((x, i) => b[i] === x))
    ?.hash;
}

/** DigestInfo(SHA-256(data)), with WebCrypto (browser and Node 20 alike; the copy gives WebCrypto's types a plain ArrayBuffer). */
export async function sha256DigestInfo(data: Uint8Array): Promise<Uint8Array> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(data)));
  return concatBytes(PREFIXES[0].prefix, digest);
}
