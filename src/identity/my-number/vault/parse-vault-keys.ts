/**
 * GATEWAY_VAULT_KEYS: JSON `[{ "id": "k1", "key": "<base64 of 32 bytes>" }, …]`, first = active.
 * For loadConfig: returns every problem at once (never echoing key material) or the decoded
 * keys; createVaultKeyRing(keys) then builds the ring.
 */
import { VAULT_KEY_BYTES, VAULT_KEY_ID, type VaultKeyInput } from './key-ring.js';

export type ParsedVaultKeys =
  | { readonly ok: true; readonly keys: readonly VaultKeyInput[] }
  | { readonly ok: false; readonly problems: readonly string[] };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function parseVaultKeys(json: string): ParsedVaultKeys {
  let unverified: unknown;
  try {
    unverified = JSON.parse(json);
  } catch {
    return { ok: false, problems: ['GATEWAY_VAULT_KEYS is not valid JSON'] };
  }
  if (!Array.isArray(unverified) || unverified.length === 0)
    return { ok: false, problems: ['GATEWAY_VAULT_KEYS must be a non-empty JSON array of { id, key }'] };
  const problems: string[] = [];
  const keys: VaultKeyInput[] = [];
  const seen = new Set<string>();
  unverified.forEach((entry: unknown, i) => {
    const where = `GATEWAY_VAULT_KEYS[${i}]`;
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const { id, key } = e;
    if (typeof id !== 'string' || !VAULT_KEY_ID.test(id)) problems.push(`${where}.id must match ${VAULT_KEY_ID}`);
    else if (seen.has(id)) problems.push(`${where}.id '${id}' is repeated`);
    else seen.add(id);
    const extra = Object.keys(e).filter((k) => k !== 'id' && k !== 'key');
    if (extra.length) problems.push(`${where} has unknown fields: ${extra.join(', ')}`);
    const bytes = typeof key === 'string' && BASE64.test(key) ? Buffer.from(key, 'base64') : undefined;
    if (!bytes || bytes.length !== VAULT_KEY_BYTES)
      problems.push(`${where}.key must be base64 of exactly ${VAULT_KEY_BYTES} random bytes`);
    if (typeof id === 'string' && bytes?.length === VAULT_KEY_BYTES) keys.push({ id, key: new Uint8Array(bytes) });
  });
  return problems.length ? { ok: false, problems } : { ok: true, keys };
}
