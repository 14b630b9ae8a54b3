/**
 * What a virtual card holds: the JPKI-AP certificates and keys, the text-AP files, the card
 * key and the PINs of one sandbox card. Plain data (bytes and JWKs), so the same card runs in
 * Node and in a browser and can be stored as JSON (base64 fields). Sandbox only: the private
 * keys are in here, which is acceptable for simulated J-LIS material and nothing else.
 * Browser-safe: no node: imports; PKCS#8 → JWK goes through WebCrypto.
 */
import { fromBase64, fromPem, toBase64 } from '../card/bytes.js';
import type { TextApFileName, TextApFiles } from '../card/jpki-card.js';

/** An RSA private key as a JWK with its CRT parameters (RFC 7518 §6.3), base64url fields. */
export interface RsaPrivateJwk {
  readonly kty: 'RSA';
  readonly n: string;
  readonly e: string;
  readonly d: string;
  readonly p: string;
  readonly q: string;
  readonly dp: string;
  readonly dq: string;
  readonly qi: string;
}

export interface VirtualCardPins {
  readonly signing: string;
  readonly auth: string;
  readonly textAp: string;
}

export interface VirtualCardProfile {
  readonly signingCertificate: Uint8Array;
  readonly signingCaCertificate: Uint8Array;
  readonly authenticationCertificate: Uint8Array;
  readonly authenticationCaCertificate: Uint8Array;
  readonly textAp: TextApFiles;
  readonly keys: { readonly signing: RsaPrivateJwk; readonly auth: RsaPrivateJwk; readonly card: RsaPrivateJwk };
  readonly pins: VirtualCardPins;
  /** EF0006 of the JPKI-AP; default "JPKIAPICCTOKEN2" (a card). */
  readonly tokenLabel?: string;
}

/** The JSON of POST /sandbox/cards (contract §5) — the fields a virtual card needs. */
export interface SandboxCardMaterial {
  readonly signingKey: string;
  readonly signingCertificate: string;
  readonly authenticationKey: string;
  readonly authenticationCertificate: string;
  readonly signingCaCertificate: string;
  readonly authenticationCaCertificate: string;
  readonly textAp: Readonly<Record<TextApFileName, string>>;
  readonly cardKey: string;
  readonly pins: { readonly signing: string; readonly authentication: string; readonly textAp: string };
}

const TEXT_AP_FILES: readonly TextApFileName[] = ['ef0001', 'ef0002', 'ef0003', 'ef0004', 'ef0007'];
const JWK_FIELDS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/** Checks an untrusted JWK (from storage or WebCrypto) has every RSA private field. */
export function toRsaPrivateJwk(unverified: unknown): RsaPrivateJwk {
  const j = unverified as Record<string, unknown> | null;
  if (typeof j !== 'object' || j === null || j.kty !== 'RSA') throw new TypeError('virtual card key: not an RSA JWK');
  for (const f of JWK_FIELDS)
    if (typeof j[f] !== 'string' || !/^[A-Za-z0-9_-]+$/.test(j[f] as string))
      throw new TypeError(`virtual card key: JWK field ${f} missing or not base64url`);
  const out = { kty: 'RSA' } as Record<string, string>;
  for (const f of JWK_FIELDS) out[f] = j[f] as string;
  return out as unknown as RsaPrivateJwk;
}

async function pkcs8ToJwk(pem: string): Promise<RsaPrivateJwk> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey(
    'pkcs8',
    new Uint8Array(fromPem(pem, 'PRIVATE KEY')), // a copy: WebCrypto's types want a plain ArrayBuffer view
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    true,
    ['sign'],
  );
  return toRsaPrivateJwk(await subtle.exportKey('jwk', key));
}

/** A profile from the sandbox card JSON (POST /sandbox/cards) — in the browser or in Node. */
export async function virtualCardProfileFromSandboxJson(m: SandboxCardMaterial): Promise<VirtualCardProfile> {
  const cert = (pem: string): Uint8Array => fromPem(pem, 'CERTIFICATE');
  const textAp = Object.fromEntries(TEXT_AP_FILES.map((f) => [f, fromBase64(m.textAp[f])])) as TextApFiles;
  return {
    signingCertificate: cert(m.signingCertificate),
    signingCaCertificate: cert(m.signingCaCertificate),
    authenticationCertificate: cert(m.authenticationCertificate),
    authenticationCaCertificate: cert(m.authenticationCaCertificate),
    textAp,
    keys: {
      signing: await pkcs8ToJwk(m.signingKey),
      auth: await pkcs8ToJwk(m.authenticationKey),
      card: await pkcs8ToJwk(m.cardKey),
    },
    pins: { signing: m.pins.signing, auth: m.pins.authentication, textAp: m.pins.textAp },
  };
}

/** JSON form of a profile: bytes as base64. */
export interface VirtualCardProfileJson {
  readonly signingCertificate: string;
  readonly signingCaCertificate: string;
  readonly authenticationCertificate: string;
  readonly authenticationCaCertificate: string;
  readonly textAp: Readonly<Record<TextApFileName, string>>;
  readonly keys: VirtualCardProfile['keys'];
  readonly pins: VirtualCardPins;
  readonly tokenLabel?: string;
}

const CERTS = [
  'signingCertificate',
  'signingCaCertificate',
  'authenticationCertificate',
  'authenticationCaCertificate',
] as const;

export function profileToJson(p: VirtualCardProfile): VirtualCardProfileJson {
  return {
    ...(Object.fromEntries(CERTS.map((c) => [c, toBase64(p[c])])) as Record<(typeof CERTS)[number], string>),
    textAp: Object.fromEntries(TEXT_AP_FILES.map((f) => [f, toBase64(p.textAp[f])])) as Record<TextApFileName, string>,
    keys: p.keys,
    pins: { ...p.pins },
    ...(p.tokenLabel === undefined ? {} : { tokenLabel: p.tokenLabel }),
  };
}

/** Reads a stored profile back (untrusted: localStorage can hold anything). */
export function profileFromJson(unverified: unknown): VirtualCardProfile {
  const j = unverified as Partial<Record<string, unknown>> | null;
  if (typeof j !== 'object' || j === null) throw new TypeError('virtual card profile: not an object');
  const b64 = (v: unknown, name: string): Uint8Array => {
    if (typeof v !== 'string' || v.length === 0) throw new TypeError(`virtual card profile: ${name} missing`);
    return fromBase64(v);
  };
  const t = (j.textAp ?? {}) as Record<string, unknown>;
  const k = (j.keys ?? {}) as Record<string, unknown>;
  const pins = (j.pins ?? {}) as Record<string, unknown>;
  const pin = (name: keyof VirtualCardPins): string => {
    if (typeof pins[name] !== 'string') throw new TypeError(`virtual card profile: pins.${name} missing`);
    return pins[name] as string;
  };
  if (j.tokenLabel !== undefined && typeof j.tokenLabel !== 'string')
    throw new TypeError('virtual card profile: tokenLabel must be a string');
  return {
    ...(Object.fromEntries(CERTS.map((c) => [c, b64(j[c], c)])) as Record<(typeof CERTS)[number], Uint8Array>),
    textAp: Object.fromEntries(TEXT_AP_FILES.map((f) => [f, b64(t[f], `textAp.${f}`)])) as TextApFiles,
    keys: { signing: toRsaPrivateJwk(k.signing), auth: toRsaPrivateJwk(k.auth), card: toRsaPrivateJwk(k.card) },
    pins: { signing: pin('signing'), auth: pin('auth'), textAp: pin('textAp') },
    ...(j.tokenLabel === undefined ? {} : { tokenLabel: j.tokenLabel as string }),
  };
}
