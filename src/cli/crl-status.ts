/**
 * `jpki-gateway crl status`: loads every partition the drop directory holds (and any named
 * with --partition, from the mirror) through the same manager the gateway runs — so what it
 * prints is what the gateway would accept — or lists the snapshots replicas share in Redis.
 */
import { parseArgs } from 'node:util';
import { createCrlManager } from '../revocation/manager/create-crl-manager.js';
import type { CrlPartitionStatus } from '../revocation/manager/types.js';
import { createRedisSnapshots } from '../revocation/shared/create-redis-snapshots.js';
import { createDirectorySource } from '../revocation/sources/create-directory-source.js';
import { createHttpSource } from '../revocation/sources/create-http-source.js';
import type { CrlSource } from '../revocation/sources/types.js';
import { connectRedis } from '../storage/redis/create-redis.js';
import { age, cliClock, crlIssuers } from './crl-cli-common.js';
import { UsageError, type Io } from './io.js';

const OPTIONS = {
  trust: { type: 'string', multiple: true, default: [] as string[] },
  dir: { type: 'string' },
  template: { type: 'string' },
  'url-template': { type: 'string' },
  partition: { type: 'string', multiple: true, default: [] as string[] },
  redis: { type: 'string' },
  'redis-prefix': { type: 'string', default: 'jpki-gateway:' },
  at: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

type Row = Pick<
  CrlPartitionStatus,
  'partition' | 'state' | 'entries' | 'thisUpdate' | 'nextUpdate' | 'crlNumber' | 'ageSeconds' | 'source'
> & { readonly problem?: string };

export async function runCrlStatus(args: string[], io: Io): Promise<number> {
  let v;
  try {
    v = parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const clock = cliClock(v.at);
  let rows: Row[];
  if (v.redis !== undefined) {
    rows = await sharedRows(v.redis, v['redis-prefix'], clock.now().getTime());
  } else {
    const sources: CrlSource[] = [];
    try {
      if (v.dir !== undefined) sources.push(createDirectorySource({ dir: v.dir, template: v.template }));
      if (v['url-template'] !== undefined) sources.push(createHttpSource({ urlTemplate: v['url-template'] }));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (sources.length === 0) throw new UsageError('give --dir, --url-template or --redis');
    const manager = createCrlManager({
      clock,
      sources,
      issuers: await crlIssuers(v.trust),
      partitions: v.partition,
      schedule: false,
    });
    try {
      await manager.start();
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    rows = manager.status().partitions.map((p) => ({
      ...p,
      ...(p.lastRefresh?.code ? { problem: `${p.lastRefresh.code} ${p.lastRefresh.detail ?? ''}`.trim() } : {}),
    }));
    await manager.close();
  }
  if (v.json) io.out(JSON.stringify({ partitions: rows }, null, 2));
  else printTable(rows, io);
  return rows.length > 0 && rows.every((r) => r.state === 'fresh') ? 0 : 1;
}

async function sharedRows(url: string, keyPrefix: string, now: number): Promise<Row[]> {
  let redis;
  try {
    redis = await connectRedis({ url, keyPrefix, readyTimeoutMs: 3000 });
  } catch (e) {
    throw new UsageError(`--redis: ${(e as Error).message}`);
  }
  try {
    const metas = await createRedisSnapshots({ redis }).list();
    return metas.map((m) => ({
      partition: m.partition,
      state: now <= Date.parse(m.nextUpdate) ? 'fresh' : 'stale',
      entries: m.entries,
      thisUpdate: m.thisUpdate,
      nextUpdate: m.nextUpdate,
      ...(m.crlNumber !== null ? { crlNumber: m.crlNumber } : {}),
      ageSeconds: Math.round((now - Date.parse(m.thisUpdate)) / 1000),
      source: m.source,
    }));
  } finally {
    redis.disconnect();
  }
}

function printTable(rows: readonly Row[], io: Io): void {
  if (rows.length === 0) {
    io.out('no CRL partitions found');
    return;
  }
  const header = ['partition', 'state', 'entries', 'thisUpdate', 'nextUpdate', 'crl#', 'age', 'source'];
  const table = rows.map((r) => [
    r.partition,
    r.state,
    r.entries?.toString() ?? '-',
    r.thisUpdate ?? '-',
    r.nextUpdate ?? '-',
    r.crlNumber ?? '-',
    age(r.ageSeconds),
    r.source ?? r.problem ?? '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  for (const row of [header, ...table])
    io.out(
      row
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
  for (const r of rows) if (r.problem && r.state !== 'fresh') io.out(`${r.partition}: ${r.problem}`);
}
