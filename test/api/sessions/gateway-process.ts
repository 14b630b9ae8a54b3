/**
 * A gateway PROCESS for the two-replica test: the API core and the session module on Redis
 * (REDIS_URL), the sandbox verifier at the sandbox cards' moment, port 0. Prints
 * `LISTENING <url>` when ready; closes on SIGTERM. Run: node --import tsx gateway-process.ts
 */
import { buildApp } from '../../../src/app.js';
import { createSessionModule } from '../../../src/api/sessions/index.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { SANDBOX_CARD_AT } from '../../../src/sandbox/card.js';
import { createRedisStores } from '../../../src/storage/api-stores.js';
import { connectRedis } from '../../../src/storage/redis/create-redis.js';
import { createRedisSessionStores } from '../../../src/storage/sessions/index.js';
import { createTenantRegistry } from '../../../src/tenants/tenant-registry.js';
import { sandboxVerifier } from '../../sessions/fixtures.js';
import { manualClock } from '../../storage/contract/manual-clock.js';
import { TENANTS } from './support.js';

const url = process.env.REDIS_URL;
if (!url) throw new Error('REDIS_URL is required');
const clock = manualClock(SANDBOX_CARD_AT);
const redis = await connectRedis({ url, keyPrefix: 'jpki-two:' });
const config = loadConfig({ LOG_LEVEL: 'warn', GATEWAY_PUBLIC_URL: 'https://gateway.example.jp' });
const verifier = sandboxVerifier(clock);
const sessions = createSessionModule({
  verifier,
  clock,
  publicUrl: config.publicUrl,
  stores: createRedisSessionStores(redis),
  mode: 'sandbox',
  // both replicas must open each other's vault records: one configured ring, as in production
  vaultKeys: [{ id: 'shared', key: new Uint8Array(32).fill(9) }],
});
const app = buildApp({
  config,
  verifier,
  tenants: createTenantRegistry(TENANTS),
  stores: createRedisStores(redis, clock),
  routes: [sessions.routes],
});
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
process.stdout.write(`LISTENING http://127.0.0.1:${port}\n`);
process.once('SIGTERM', () => {
  void app.close().finally(() => {
    redis.disconnect();
    process.exit(0);
  });
});
