/**
 * Identifiers: 128 random bits as 22 base62 characters behind a type prefix (the API's
 * `^ses_[A-Za-z0-9]{16,64}$`), and the client token: `ct_` + 32 random bytes base64url.
 */
import { randomBytes } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const SESSION_ID = /^ses_[A-Za-z0-9]{22}$/;
export const CLIENT_TOKEN = /^ct_[A-Za-z0-9_-]{43}$/;

/** 22 characters of base62 from 132 uniform bits (rejection sampling keeps it unbiased). */
function base62(chars: number): string {
  let out = '';
  while (out.length < chars) {
    for (const b of randomBytes(chars * 2)) {
      if (b < 248 && out.length < chars) out += BASE62[b % 62];
    }
  }
  return out;
}

export const newSessionId = (): string => `ses_${base62(22)}`;
/** Placeholder until the evidence store (evidence issue) records the 犯収法 record under this id. */
export const newEvidenceId = (): string => `evd_${base62(22)}`;
export const newClientToken = (): string => `ct_${randomBytes(32).toString('base64url')}`;
