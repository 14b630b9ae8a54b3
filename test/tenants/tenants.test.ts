import { describe, expect, it } from 'vitest';
import { generateApiKey, hashApiKey } from '../../src/tenants/api-key.js';
import { isOrigin, parseTenants } from '../../src/tenants/parse-tenants.js';
import { createTenantRegistry } from '../../src/tenants/tenant-registry.js';

const good = (over: Record<string, unknown> = {}) => ({
  id: 'acme',
  name: 'Acme Securities',
  apiKeySha256: hashApiKey('sk_acme').toString('hex'),
  scopes: ['verify'],
  origins: ['https://www.acme.example.jp'],
  webhookSecret: 'whsec_0123456789abcdef0123456789abcdef',
  ...over,
});

const problemsOf = (doc: unknown): readonly string[] => {
  const r = parseTenants(doc, 'tenants.yaml');
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('parseTenants', () => {
  it('accepts a well-formed tenant and keeps only the key hash', () => {
    const r = parseTenants({ tenants: [good({ rateLimitPerMinute: 100 })] }, 'x');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [t] = r.tenants;
    expect(t!.apiKeySha256.equals(hashApiKey('sk_acme'))).toBe(true);
    expect([...t!.scopes]).toEqual(['verify']);
    expect(t!.rateLimitPerMinute).toBe(100);
    expect(Object.isFrozen(t)).toBe(true);
  });

  it.each([
    ['id', { id: 'Acme Corp' }, /\.id must match/],
    ['name', { name: '' }, /\.name must be/],
    ['key hash', { apiKeySha256: 'sk_plain_key' }, /apiKeySha256 must be 64 hex digits/],
    ['unknown scope', { scopes: ['admin'] }, /\.scopes must be a non-empty list/],
    ['no scope', { scopes: [] }, /\.scopes must be a non-empty list/],
    ['repeated scope', { scopes: ['verify', 'verify'] }, /repeats a scope/],
    ['origin with a path', { origins: ['https://www.acme.example.jp/app'] }, /\.origins must be/],
    ['origin not http(s)', { origins: ['ftp://acme.example.jp'] }, /\.origins must be/],
    ['short webhook secret', { webhookSecret: 'short' }, /webhookSecret must be a string of at least 32/],
    ['rate limit', { rateLimitPerMinute: 0 }, /rateLimitPerMinute must be a positive integer/],
    ['unknown field', { apiKey: 'sk_plain' }, /unknown fields: apiKey/],
  ])('refuses a bad %s', (_what, over, message) => {
    const p = problemsOf({ tenants: [good(over)] });
    expect(p.join('\n')).toMatch(message);
    expect(p.join('\n')).not.toContain('sk_plain'); // values are never echoed
  });

  it('refuses repeated ids and shared key hashes; reports all entries at once', () => {
    const p = problemsOf({ tenants: [good(), good(), good({ id: 'x', name: '' }), 'not an object'] });
    expect(p.some((x) => x.includes("tenant id 'acme' is repeated"))).toBe(true);
    expect(p.some((x) => x.includes('shares its API key hash'))).toBe(true);
    expect(p.some((x) => x.includes('tenants[2].name'))).toBe(true);
    expect(p.some((x) => x.includes('tenants[3] must be an object'))).toBe(true);
  });

  it('refuses a document without a tenants list', () => {
    expect(problemsOf({ tenant: [] })[0]).toMatch(/expected an object with a 'tenants' list/);
    expect(problemsOf(null)[0]).toMatch(/expected an object/);
  });

  it('isOrigin: scheme://host[:port] exactly', () => {
    expect(isOrigin('https://a.example.jp')).toBe(true);
    expect(isOrigin('http://localhost:8080')).toBe(true);
    expect(isOrigin('https://a.example.jp/')).toBe(false);
    expect(isOrigin('https://A.example.jp')).toBe(false); // not the serialized form
    expect(isOrigin('null')).toBe(false);
  });
});

describe('createTenantRegistry', () => {
  const r = parseTenants(
    { tenants: [good(), good({ id: 'beta', apiKeySha256: hashApiKey('sk_beta').toString('hex') })] },
    'x',
  );
  if (!r.ok) throw new Error('fixture');
  const registry = createTenantRegistry(r.tenants);

  it('finds the tenant by its key, and nobody for another key', () => {
    expect(registry.authenticate('sk_acme')?.id).toBe('acme');
    expect(registry.authenticate('sk_beta')?.id).toBe('beta');
    expect(registry.authenticate('sk_acme ')).toBeUndefined();
    expect(registry.authenticate('')).toBeUndefined();
    expect(registry.byId('beta')?.name).toBe('Acme Securities');
  });

  it('generated keys are long, random and prefixed', () => {
    const a = generateApiKey('sk_sandbox');
    expect(a).toMatch(/^sk_sandbox_[A-Za-z0-9_-]{43}$/);
    expect(generateApiKey('sk_sandbox')).not.toBe(a);
  });

  it('refuses duplicate ids (caller bug)', () => {
    expect(() => createTenantRegistry([...r.tenants, r.tenants[0]!])).toThrow(TypeError);
  });
});
