/** API keys: only their SHA-256 is kept; generated keys carry 256 bits of randomness. */
import { hash, randomBytes } from 'node:crypto';

/** One-shot SHA-256 (runs on every authenticated request). */
export function hashApiKey(apiKey: string): Buffer {
  return hash('sha256', apiKey, 'buffer');
}

/** A new key, e.g. for the sandbox demo tenant: `<prefix>_<43 base64url chars>`. */
export function generateApiKey(prefix = 'sk'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}
