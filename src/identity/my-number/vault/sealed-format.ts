/**
 * The sealed record, one ASCII string: `v1.<keyId>.<wrapIv>.<wrappedDataKey‖tag>.<iv>.<ciphertext‖tag>`
 * (base64url parts). Envelope encryption: a fresh 32-byte data key per record encrypts the
 * number with AES-256-GCM; the active ring key wraps the data key with AES-256-GCM. The key id
 * travels in clear so any ring key can open the record after a rotation. Both layers bind the
 * associated data (tenant id, session id): a record copied to another session fails to open.
 */
export const SEALED_VERSION = 'v1';
export const GCM_IV_BYTES = 12;
export const GCM_TAG_BYTES = 16;

export interface VaultBinding {
  readonly tenantId: string;
  readonly sessionId: string;
}

export interface SealedParts {
  readonly keyId: string;
  readonly wrapIv: Buffer;
  readonly wrappedKey: Buffer;
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
}

/** Unambiguous (JSON array) associated data; `layer` separates the two uses of GCM. */
export function associatedData(layer: 'data-key' | 'my-number', keyId: string, b: VaultBinding): Buffer {
  return Buffer.from(JSON.stringify([`jpki-gateway/vault/${layer}/${SEALED_VERSION}`, keyId, b.tenantId, b.sessionId]));
}

export function formatSealed(p: SealedParts): string {
  const b64 = (b: Buffer): string => b.toString('base64url');
  return [SEALED_VERSION, p.keyId, b64(p.wrapIv), b64(p.wrappedKey), b64(p.iv), b64(p.ciphertext)].join('.');
}

/** Undefined when the string is not a well-formed v1 record. */
export function parseSealed(sealed: string): SealedParts | undefined {
  if (typeof sealed !== 'string' || sealed.length > 512) return undefined;
  const parts = sealed.split('.');
  if (parts.length !== 6 || parts[0] !== SEALED_VERSION) return undefined;
  if (!parts.slice(2).every((p) => /^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  const [, keyId, wrapIv, wrappedKey, iv, ciphertext] = parts as [string, string, string, string, string, string];
  const out = {
    keyId,
    wrapIv: Buffer.from(wrapIv, 'base64url'),
    wrappedKey: Buffer.from(wrappedKey, 'base64url'),
    iv: Buffer.from(iv, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
  if (out.wrapIv.length !== GCM_IV_BYTES || out.iv.length !== GCM_IV_BYTES) return undefined;
  if (out.wrappedKey.length !== 32 + GCM_TAG_BYTES || out.ciphertext.length <= GCM_TAG_BYTES) return undefined;
  return out;
}
