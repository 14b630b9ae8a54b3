/**
 * A second gateway process for the two-replica tests: a CRL manager sharing snapshots through
 * Redis, fetching from the sandbox publisher. Looks one certificate up and prints one JSON line.
 *   tsx replica-child.ts '{"redisUrl":…,"keyPrefix":…,"urlTemplate":…,"nowMs":…,"leaseMs":…,"certB64":…}'
 */
import { fixedClock } from '../../../src/clock.js';
import { GatewayError } from '../../../src/errors.js';
import { parseCertificate } from '../../../src/pki/certificate.js';
import { createCrlManager } from '../../../src/revocation/manager/create-crl-manager.js';
import { createRedisSnapshots } from '../../../src/revocation/shared/create-redis-snapshots.js';
import { createHttpSource } from '../../../src/revocation/sources/create-http-source.js';
import { createSandboxPki } from '../../../src/sandbox/jpki-pki.js';
import { connectRedis } from '../../../src/storage/redis/create-redis.js';

interface Args {
  redisUrl: string;
  keyPrefix: string;
  urlTemplate: string;
  nowMs: number;
  leaseMs: number;
  certB64: string;
}

const args = JSON.parse(process.argv[2]!) as Args;
const redis = await connectRedis({ url: args.redisUrl, keyPrefix: args.keyPrefix });
const manager = createCrlManager({
  clock: fixedClock(args.nowMs),
  sources: [createHttpSource({ urlTemplate: args.urlTemplate, timeoutMs: 60_000 })],
  issuers: [parseCertificate(createSandboxPki().root('signing').der)],
  shared: createRedisSnapshots({ redis }),
  leaseMs: args.leaseMs,
  schedule: false,
});
process.stdout.write('started\n');
const cert = parseCertificate(new Uint8Array(Buffer.from(args.certB64, 'base64')));
const issuer = parseCertificate(createSandboxPki().root('signing').der);
let out: Record<string, unknown>;
try {
  const a = await manager.lookup(cert, issuer);
  out = { status: a.status, via: a.watermark.via, crlNumber: a.watermark.crlNumber?.toString() };
} catch (e) {
  out = { error: e instanceof GatewayError ? e.code : String(e) };
}
process.stdout.write(`${JSON.stringify({ ...out, shared: manager.status().shared.state })}\n`);
await manager.close();
redis.disconnect();
