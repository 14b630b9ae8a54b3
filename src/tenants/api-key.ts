/** API keys: only their SHA-256 is kept; generated keys carry 256 bits of randomness. */
import { createHash, randomBytes } from 'node:crypto';

export function hashApiKey(apiKey: string): Buffer {
  return createHash('sha256').update(apiKey, 'utf8').digest();
}

/** A new key, e.g. for the sandbox demo tenant: `<prefix>_<43 base64url chars>`. */
export function generateApiKey(prefix = 'sk'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}
