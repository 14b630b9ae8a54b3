/**
 * The `config.loaded` audit event: the mode and a SHA-256 over the configuration as loaded
 * (secrets excluded: vault keys are not enumerable, tenants are named by id and key hash), so
 * an auditor can tell from the chain when the configuration changed, without reading it.
 */
import { createHash } from 'node:crypto';
import type { SecurityEvent } from '../../audit/chain/security-event.js';
import { canonicalJson } from '../../audit/chain/canonical-json.js';
import type { Config } from '../../config/load-config.js';

export function configLoadedEvent(config: Config): SecurityEvent {
  const { tenants, trustAnchors, redis, ...rest } = config;
  const summary = {
    ...rest,
    redis: redis ? { keyPrefix: redis.keyPrefix } : null,
    tenants: tenants.map((t) => ({
      id: t.id,
      apiKeySha256: t.apiKeySha256.toString('hex'),
      scopes: [...t.scopes].sort(),
      origins: t.origins,
    })),
    trustAnchors: trustAnchors.map((a) => createHash('sha256').update(a).digest('hex')),
  };
  const sha256 = createHash('sha256')
    .update(canonicalJson(JSON.parse(JSON.stringify(summary))))
    .digest('hex');
  return { type: 'config.loaded', ids: { mode: config.mode, configSha256: sha256 } };
}
