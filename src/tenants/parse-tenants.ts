/**
 * parseTenants: the tenants document (`tenants: [{ id, name, apiKeySha256, scopes, origins,
 * webhookSecret, rateLimitPerMinute? }]`, contract §6) checked rule by rule; every problem is
 * reported at once and no secret value is ever echoed.
 */
import { SCOPES, type Scope, type Tenant } from './types.js';

export type ParsedTenants =
  | { readonly ok: true; readonly tenants: readonly Tenant[] }
  | { readonly ok: false; readonly problems: readonly string[] };

const ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
const FIELDS = new Set(['id', 'name', 'apiKeySha256', 'scopes', 'origins', 'webhookSecret', 'rateLimitPerMinute']);
const MIN_WEBHOOK_SECRET = 32;

/** An origin as browsers send it: scheme://host[:port], nothing else (RFC 6454 §6.2). */
export function isOrigin(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === value;
  } catch {
    return false;
  }
}

function checkEntry(e: Record<string, unknown>, where: string, problems: string[]): Tenant | undefined {
  const before = problems.length;
  const unknown = Object.keys(e).filter((k) => !FIELDS.has(k));
  if (unknown.length) problems.push(`${where} has unknown fields: ${unknown.join(', ')}`);
  if (typeof e.id !== 'string' || !ID.test(e.id)) problems.push(`${where}.id must match ${ID}`);
  if (typeof e.name !== 'string' || e.name.trim() === '' || e.name.length > 200)
    problems.push(`${where}.name must be a non-empty string (≤ 200 characters)`);
  if (typeof e.apiKeySha256 !== 'string' || !SHA256_HEX.test(e.apiKeySha256))
    problems.push(`${where}.apiKeySha256 must be 64 hex digits (SHA-256 of the API key, never the key)`);
  const scopes = e.scopes;
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((s) => SCOPES.includes(s as Scope)))
    problems.push(`${where}.scopes must be a non-empty list of ${SCOPES.join(', ')}`);
  else if (new Set(scopes).size !== scopes.length) problems.push(`${where}.scopes repeats a scope`);
  const origins = e.origins;
  if (!Array.isArray(origins) || !origins.every((o) => typeof o === 'string' && isOrigin(o)))
    problems.push(`${where}.origins must be a list of origins like https://www.example.co.jp (no path)`);
  if (typeof e.webhookSecret !== 'string' || e.webhookSecret.length < MIN_WEBHOOK_SECRET)
    problems.push(`${where}.webhookSecret must be a string of at least ${MIN_WEBHOOK_SECRET} characters`);
  const rate = e.rateLimitPerMinute;
  if (rate !== undefined && (!Number.isInteger(rate) || (rate as number) < 1))
    problems.push(`${where}.rateLimitPerMinute must be a positive integer`);
  if (problems.length !== before) return undefined;
  return Object.freeze({
    id: e.id as string,
    name: e.name as string,
    apiKeySha256: Buffer.from(e.apiKeySha256 as string, 'hex'),
    scopes: new Set(scopes as Scope[]),
    origins: Object.freeze([...(origins as string[])]),
    webhookSecret: e.webhookSecret as string,
    ...(rate !== undefined ? { rateLimitPerMinute: rate as number } : {}),
  });
}

export function parseTenants(unverified: unknown, source: string): ParsedTenants {
  const doc = unverified as { tenants?: unknown } | null;
  if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.tenants))
    return { ok: false, problems: [`${source}: expected an object with a 'tenants' list`] };
  const problems: string[] = [];
  const tenants: Tenant[] = [];
  doc.tenants.forEach((entry: unknown, i) => {
    const where = `${source}: tenants[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${where} must be an object`);
      return;
    }
    const t = checkEntry(entry as Record<string, unknown>, where, problems);
    if (t) tenants.push(t);
  });
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const t of tenants) {
    if (ids.has(t.id)) problems.push(`${source}: tenant id '${t.id}' is repeated`);
    ids.add(t.id);
    const hex = t.apiKeySha256.toString('hex');
    if (keys.has(hex)) problems.push(`${source}: tenant '${t.id}' shares its API key hash with another tenant`);
    keys.add(hex);
  }
  return problems.length ? { ok: false, problems } : { ok: true, tenants };
}
