import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type ConfigIo } from '../../src/config/load-config.js';
import { hashApiKey } from '../../src/tenants/api-key.js';

const VAULT = JSON.stringify([{ id: 'k1', key: Buffer.alloc(32, 7).toString('base64') }]);
const TENANTS_YAML = `tenants:
  - id: acme
    name: Acme Securities
    apiKeySha256: ${hashApiKey('sk_live_acme').toString('hex')}
    scopes: [verify, identity, my_number]
    origins: [https://www.acme.example.jp]
    webhookSecret: whsec_0123456789abcdef0123456789abcdef
`;

function io(files: Record<string, string | Uint8Array>, cpus = 4): ConfigIo {
  const get = (p: string) => {
    const f = files[p];
    if (f === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    return f;
  };
  return { readFile: (p) => String(get(p)), readBinary: (p) => Buffer.from(get(p)), cpus: () => cpus };
}

function problems(env: Record<string, string>, files: Record<string, string | Uint8Array> = {}): string[] {
  try {
    loadConfig(env, io(files));
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return [...(e as ConfigError).problems];
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults: sandbox mode, port 8080, memory stores, no tenants, frozen', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      mode: 'sandbox',
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'info',
      publicUrl: 'http://localhost:8080',
      tenants: [],
      rateLimitPerMinute: 600,
      bodyLimitBytes: 2 * 1024 * 1024,
      requestTimeoutMs: 30_000,
      shutdownTimeoutMs: 10_000,
    });
    expect(c.redis).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('GATEWAY_VERIFY_WORKERS: auto leaves one CPU to the event loop (at most 8), or an explicit count', () => {
    expect(loadConfig({}, io({}, 4)).verifyWorkers).toBe(3);
    expect(loadConfig({ GATEWAY_VERIFY_WORKERS: 'auto' }, io({}, 1)).verifyWorkers).toBe(0);
    expect(loadConfig({}, io({}, 32)).verifyWorkers).toBe(8);
    expect(loadConfig({ GATEWAY_VERIFY_WORKERS: '0' }, io({}, 4)).verifyWorkers).toBe(0);
    expect(loadConfig({ GATEWAY_VERIFY_WORKERS: '12' }, io({}, 2)).verifyWorkers).toBe(12);
    for (const bad of ['-1', '65', 'two', '1.5', ' 2']) {
      expect(problems({ GATEWAY_VERIFY_WORKERS: bad })).toEqual([
        `GATEWAY_VERIFY_WORKERS must be auto or an integer 0..64, got '${bad}'`,
      ]);
    }
  });

  it('reads every variable', () => {
    const c = loadConfig(
      {
        GATEWAY_MODE: 'production',
        PORT: '9000',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        GATEWAY_PUBLIC_URL: 'https://gateway.example.jp/',
        REDIS_URL: 'redis://:pw@redis.internal:6380/2',
        REDIS_KEY_PREFIX: 'jpki:prod:',
        GATEWAY_TENANTS_FILE: '/etc/tenants.yaml',
        GATEWAY_VAULT_KEYS: VAULT,
        GATEWAY_RATE_LIMIT_PER_MINUTE: '1200',
        GATEWAY_BODY_LIMIT_BYTES: '4194304',
        GATEWAY_REQUEST_TIMEOUT_MS: '15000',
        GATEWAY_SHUTDOWN_TIMEOUT_MS: '5000',
      },
      io({ '/etc/tenants.yaml': TENANTS_YAML }),
    );
    expect(c).toMatchObject({
      mode: 'production',
      port: 9000,
      host: '127.0.0.1',
      logLevel: 'warn',
      publicUrl: 'https://gateway.example.jp',
      redis: { url: 'redis://:pw@redis.internal:6380/2', keyPrefix: 'jpki:prod:' },
      rateLimitPerMinute: 1200,
      bodyLimitBytes: 4194304,
      requestTimeoutMs: 15000,
      shutdownTimeoutMs: 5000,
    });
    expect(c.tenants.map((t) => t.id)).toEqual(['acme']);
    expect(c.vaultKeys).toHaveLength(1);
    expect(c.vaultKeys[0]!.id).toBe('k1');
  });

  it('vault keys never show in JSON or inspect output of the config', () => {
    const c = loadConfig({ GATEWAY_VAULT_KEYS: VAULT });
    const secret = Buffer.alloc(32, 7).toString('base64');
    expect(JSON.stringify(c)).not.toContain('vaultKeys');
    expect(inspect(c, { depth: 5 })).not.toContain('vaultKeys');
    expect(JSON.stringify(c)).not.toContain(secret);
  });

  it('reports every problem at once', () => {
    const p = problems({
      GATEWAY_MODE: 'staging',
      PORT: '99999',
      LOG_LEVEL: 'loud',
      GATEWAY_PUBLIC_URL: 'ftp://x',
      GATEWAY_RATE_LIMIT_PER_MINUTE: '0',
      GATEWAY_BODY_LIMIT_BYTES: 'big',
    });
    expect(p).toHaveLength(6);
    for (const v of [
      'GATEWAY_MODE',
      'PORT',
      'LOG_LEVEL',
      'GATEWAY_PUBLIC_URL',
      'GATEWAY_RATE_LIMIT',
      'GATEWAY_BODY_LIMIT',
    ])
      expect(
        p.some((x) => x.startsWith(v)),
        v,
      ).toBe(true);
  });

  it('production refuses to start without tenants, a vault key and a public URL', () => {
    const p = problems({ GATEWAY_MODE: 'production' });
    expect(p).toEqual(
      expect.arrayContaining([
        'GATEWAY_MODE=production needs GATEWAY_TENANTS_FILE',
        'GATEWAY_MODE=production needs GATEWAY_VAULT_KEYS',
        'GATEWAY_MODE=production needs GATEWAY_PUBLIC_URL',
      ]),
    );
    const empty = problems(
      {
        GATEWAY_MODE: 'production',
        GATEWAY_TENANTS_FILE: 't.json',
        GATEWAY_VAULT_KEYS: VAULT,
        GATEWAY_PUBLIC_URL: 'https://g.example.jp',
      },
      { 't.json': '{"tenants": []}' },
    );
    expect(empty).toEqual(['GATEWAY_MODE=production needs at least one tenant in GATEWAY_TENANTS_FILE']);
  });

  it('production refuses trust anchor files that are not certificates', () => {
    const p = problems(
      {
        GATEWAY_MODE: 'production',
        GATEWAY_TENANTS_FILE: 't.yaml',
        GATEWAY_VAULT_KEYS: VAULT,
        GATEWAY_PUBLIC_URL: 'https://g.example.jp',
        GATEWAY_TRUST_ANCHORS: 'root.pem, missing.pem',
      },
      { 't.yaml': TENANTS_YAML, 'root.pem': 'not a certificate' },
    );
    expect(p).toHaveLength(2);
    expect(p[0]).toMatch(/GATEWAY_TRUST_ANCHORS: root.pem is not a usable certificate \(ERR_/);
    expect(p[1]).toMatch(/missing.pem is not a usable certificate \(ENOENT\)/);
  });

  it('never echoes secrets: bad Redis URLs and vault keys are described, not repeated', () => {
    const p = problems({ REDIS_URL: 'http://user:hunter2@x', GATEWAY_VAULT_KEYS: '[{"id":"k1","key":"c2hvcnQ="}]' });
    expect(p.join('\n')).not.toContain('hunter2');
    expect(p.join('\n')).not.toContain('c2hvcnQ=');
    expect(p).toHaveLength(2);
  });

  it('tenant file problems come through with the rest (JSON and YAML)', () => {
    const p = problems(
      { GATEWAY_TENANTS_FILE: 'bad.json', PORT: 'x' },
      { 'bad.json': '{"tenants":[{"id":"Bad Id"}]}' },
    );
    expect(p.some((x) => x.startsWith('PORT'))).toBe(true);
    expect(p.some((x) => x.includes('tenants[0].id'))).toBe(true);
    const y = problems({ GATEWAY_TENANTS_FILE: 'bad.yaml' }, { 'bad.yaml': 'tenants: [ {' });
    expect(y[0]).toMatch(/is not valid YAML/);
    const missing = problems({ GATEWAY_TENANTS_FILE: 'none.yaml' });
    expect(missing[0]).toMatch(/cannot be read \(ENOENT\)/);
  });
});
