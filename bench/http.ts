/**
 * bench:http — POST /v1/validations over real HTTP against the in-process verifySignature
 * rate measured in the same run (issue 5 targets: HTTP ≥ 0.5 × in-process; p99 ≤ 50 ms at
 * 80 % of the HTTP peak).
 *
 *   npm run bench:http                      (compiled with tsc, run with plain node)
 *   node dist-bench/bench/http.js --seconds 10 --connections 16,32,64 --log-level info
 *
 * Peak = the best throughput over the connection counts given (default 16, 32, 64: the gateway
 * pipelines requests to its verifier workers, so a few more connections than workers fill the
 * pipeline); the 80 %-of-peak latency run and the stubbed run use the peak's connection count.
 *
 * One gateway process (buildApp: auth, rate limit, schema validation, serialization, logging at
 * --log-level, memory stores) serves, verifying on GATEWAY_VERIFY_WORKERS worker threads as the
 * server does (default auto = CPUs − 1; --workers N overrides, 0 = on the event loop). The
 * in-process baseline is one verifier on this thread, sequentially awaited. autocannon runs as
 * a child process so the load generator does not share the server's event loop. Material: a sandbox card (src/sandbox), a detached
 * CMS over a 2 KiB contract, its current sandbox CRL.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config/load-config.js';
import { createMetrics } from '../src/observability/metrics.js';
import { signCms } from '../src/sandbox/cms.js';
import { createSandboxMode } from '../src/sandbox/mode.js';
import { createMemoryStores } from '../src/storage/api-stores.js';
import { createTenantRegistry } from '../src/tenants/tenant-registry.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const seconds = Number(opt('seconds', '8'));
const connectionCounts = opt('connections', '16,32,64').split(',').map(Number);
if (!connectionCounts.every((c) => Number.isInteger(c) && c > 0)) throw new Error('--connections: e.g. 16,32,64');
const logLevel = opt('log-level', 'info');
const workersArg = opt('workers', '');

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}

function autocannon(
  url: string,
  body: string,
  headers: Record<string, string>,
  extra: string[],
  durationS: number = seconds,
  connections: number = connectionCounts[0]!,
): Promise<CannonResult> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('autocannon/package.json')), 'autocannon.js');
  const argv = [bin, '--json', '-m', 'POST', '-d', String(durationS), '-c', String(connections), '-b', body, ...extra];
  for (const [k, v] of Object.entries(headers)) argv.push('-H', `${k}=${v}`);
  argv.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      resolve(JSON.parse(out) as CannonResult);
    });
  });
}

interface Rate {
  /** per wall-clock second */
  readonly wall: number;
  /** per second of this process's CPU time: robust when other processes share the cores */
  readonly cpu: number;
}

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
};

async function inProcessRate(fn: () => Promise<unknown>, ms: number): Promise<Rate> {
  let n = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    for (let i = 0; i < 20; i++) await fn();
    n += 20;
  }
  return { wall: n / ((performance.now() - t0) / 1000), cpu: n / cpuSeconds(cpu0) };
}

/** autocannon in a child process; the server's CPU time is this process's. */
async function httpRate(extra: string[], connections: number): Promise<{ result: CannonResult; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const result = await autocannon(url, body, headers, extra, seconds, connections);
  return { result, cpu: result.requests.total / cpuSeconds(cpu0) };
}

const config = loadConfig({
  LOG_LEVEL: logLevel,
  GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000',
  HOST: '127.0.0.1',
  PORT: '0',
});
// The server's default (GATEWAY_VERIFY_WORKERS=auto: CPUs − 1) unless --workers says otherwise.
const workers = workersArg === '' ? config.verifyWorkers : Number(workersArg);
const sandbox = createSandboxMode({ clock: systemClock, publicUrl: () => 'http://127.0.0.1', workers });
await sandbox.ready();
// The in-process baseline: the same sandbox verifier on this thread.
const inThread = createSandboxMode({ clock: systemClock, publicUrl: () => 'http://127.0.0.1', pki: sandbox.pki });
const { card } = sandbox.cards.issue({ identity: { name: '見本　花子' } });
const content = new TextEncoder().encode('金銭消費貸借契約書 '.repeat(120));
const signature = signCms({ content, certificate: card.signing.der, privateKey: card.signing.privateKey });
const input = { signature, content };
const body = JSON.stringify({
  signature: Buffer.from(signature).toString('base64'),
  content: Buffer.from(content).toString('base64'),
});

const first = await sandbox.verifier.verifySignature(input);
if (first.indication !== 'TOTAL_PASSED') throw new Error(`bench material does not verify: ${first.subIndication}`);

// For the last run the verifier answers a stored report: what remains is the gateway's own cost.
let stubbed = false;
const app = buildApp({
  config,
  verifier: {
    ...sandbox.verifier,
    verifySignature: (i) => (stubbed ? Promise.resolve(first) : sandbox.verifier.verifySignature(i)),
  },
  tenants: createTenantRegistry([sandbox.demoTenant]),
  stores: createMemoryStores(systemClock),
  metrics: createMetrics({ defaultMetrics: false }),
  logStream: new (await import('node:stream')).Writable({ write: (_c, _e, done) => done() }),
});
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/v1/validations`;
const headers = { authorization: `Bearer ${sandbox.demoApiKey}`, 'content-type': 'application/json' };

const probe = await fetch(url, { method: 'POST', headers, body });
if (((await probe.json()) as { indication?: string }).indication !== 'TOTAL_PASSED')
  throw new Error('HTTP probe did not pass');

// Warm both paths (JIT, caches) before measuring anything.
await inProcessRate(() => inThread.verifier.verifySignature(input), 2000);
await autocannon(url, body, headers, [], 3);
// Interleaved: in-process, HTTP peak, in-process again; the better in-process run is the baseline.
const inProc1 = await inProcessRate(() => inThread.verifier.verifySignature(input), 3000);
const byConnections: { connections: number; result: CannonResult; cpu: number }[] = [];
for (const c of connectionCounts) byConnections.push({ connections: c, ...(await httpRate([], c)) });
const inProc2 = await inProcessRate(() => inThread.verifier.verifySignature(input), 3000);
const inProc: Rate = { wall: Math.max(inProc1.wall, inProc2.wall), cpu: Math.max(inProc1.cpu, inProc2.cpu) };
const best = byConnections.reduce((a, b) => (b.result.requests.average > a.result.requests.average ? b : a));
const { result: peak, cpu: httpCpu, connections } = best;
const target = Math.floor(peak.requests.average * 0.8);
const { result: paced } = await httpRate(['-R', String(target)], connections);
stubbed = true;
const { result: overhead, cpu: overheadCpu } = await httpRate([], connections);
await app.close();
await sandbox.close();

const f = (n: number): string => n.toFixed(0).padStart(7);
console.log(
  `\nbench:http — POST /v1/validations (detached CMS, ${content.length} B content), log level ${logLevel}, ` +
    `${workers ? `${workers} verifier worker thread(s)` : 'verification on the event loop'}`,
);
console.log(
  `  in-process verifySignature        ${f(inProc.wall)} /s   ${f(inProc.cpu)} /CPU-s   ` +
    `(runs: ${inProc1.wall.toFixed(0)}, ${inProc2.wall.toFixed(0)} /s)`,
);
for (const b of byConnections) {
  console.log(
    `  HTTP, ${String(b.connections).padStart(3)} connections          ${f(b.result.requests.average)} /s   ${f(b.cpu)} /CPU-s   ` +
      `p50 ${b.result.latency.p50} ms, p99 ${b.result.latency.p99} ms`,
  );
}
console.log(
  `  HTTP peak (${connections} connections)        ${f(peak.requests.average)} /s   ${f(httpCpu)} /CPU-s   ` +
    `p50 ${peak.latency.p50} ms, p99 ${peak.latency.p99} ms, non-2xx ${peak.non2xx}, errors ${peak.errors}`,
);
console.log(
  `  HTTP at 80 % of peak (${target} /s)  ${f(paced.requests.average)} /s   ` +
    `p50 ${paced.latency.p50} ms, p90 ${paced.latency.p90} ms, p99 ${paced.latency.p99} ms, max ${paced.latency.max} ms`,
);
const us = (perCpuSecond: number): string => `${(1e6 / perCpuSecond).toFixed(0)} µs`;
console.log(
  `  HTTP, verifier stubbed             ${f(overhead.requests.average)} /s   ${f(overheadCpu)} /CPU-s   ` +
    `(gateway CPU per request: ${us(overheadCpu)}; full request ${us(httpCpu)}; verifySignature ${us(inProc.cpu)})`,
);
const ratio = peak.requests.average / inProc.wall;
const cpuRatio = httpCpu / inProc.cpu;
console.log(
  `  ratio HTTP / in-process            ${ratio.toFixed(2)} wall, ${cpuRatio.toFixed(2)} per CPU-second   ` +
    `(target ≥ 0.50: ${Math.max(ratio, cpuRatio) >= 0.5 ? 'met' : 'NOT met'})`,
);
console.log(
  `  p99 at 80 % of peak                ${paced.latency.p99} ms (target ≤ 50 ms: ${paced.latency.p99 <= 50 ? 'met' : 'NOT met'})`,
);
