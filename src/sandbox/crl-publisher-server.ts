/**
 * startSandboxCrlServer: the simulated J-LIS CRL distribution over HTTP (node:http, loopback).
 *   GET <url>/<purpose>/<prefecture>/<municipality>.crl   (gateway partition slugs)
 * with ETag / Last-Modified and 304s, partitions that grow to millions of synthetic entries
 * (streamed from a file), revocations that show in the next CRL, and switchable faults for the
 * refresh tests: a cut download, 500, a slow answer, garbage, a redirect, a stale CRL, and a
 * replay of the first CRL served (lower CRL number).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock, type Clock } from '../clock.js';
import { parseCertificate, type Certificate } from '../pki/certificate.js';
import { toHex } from '../pki/der-values.js';
import type { ReasonName } from '../revocation/crl/index.js';
import { createPartitionResolver } from '../revocation/partitions/resolve-partition.js';
import { IN_MEMORY_CRL_ENTRIES, crlFor, gatewayPartitionOf, type SandboxPartitionName } from './crl-publisher.js';
import { writePartitionCrlFile } from './crl-publisher-file.js';
import { createSandboxPki, type SandboxPki } from './jpki-pki.js';
import type { RootGeneration } from './jpki-roots.js';
import type { CrlEntryInput } from './crl.js';

export type CrlServerFault = 'none' | 'cut' | '500' | 'slow' | 'garbage' | 'redirect' | 'stale' | 'replay';

export interface SandboxCrlServerOptions {
  readonly pki?: SandboxPki;
  readonly generation?: RootGeneration;
  readonly clock?: Clock;
  /** nextUpdate − thisUpdate, default 24 h (J-LIS refreshes daily). */
  readonly validityMs?: number;
  /** How long 'slow' holds the answer back, default 30 s. */
  readonly slowMs?: number;
  readonly partitions?: readonly SandboxPartitionName[];
}

export interface SandboxCrlServer {
  /** Base URL, e.g. http://127.0.0.1:40123/crl */
  readonly url: string;
  /** For GATEWAY_CRL_URL_TEMPLATE. */
  readonly urlTemplate: string;
  /** Adds a partition (empty CRL); returns its gateway id. */
  addPartition(p: SandboxPartitionName): string;
  /** Revokes a sandbox certificate (its partition from its CRL DP); the next CRL lists it. */
  revoke(cert: Uint8Array | Certificate, reason?: ReasonName, at?: Date): void;
  /** Adds `n` synthetic entries to a partition. */
  grow(p: SandboxPartitionName | string, n: number): void;
  /** Issues the partition's next CRL (new number, thisUpdate = now), like J-LIS's daily run. */
  republish(p: SandboxPartitionName | string): void;
  setFault(fault: CrlServerFault, partition?: string): void;
  /** Full CRL bodies served (200s), per partition id or in total. */
  downloads(partition?: string): number;
  /** The CRL the partition would serve now (DER); renders it if needed. */
  crl(partition: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

interface Rendition {
  readonly version: number;
  readonly crlNumber: number;
  readonly etag: string;
  readonly thisUpdate: Date;
  readonly body: Uint8Array | { readonly file: string; readonly size: number };
}

interface Partition {
  readonly name: SandboxPartitionName;
  readonly id: string;
  readonly entries: Map<string, CrlEntryInput>;
  synthetic: number;
  version: number;
  crlNumber: number;
  current?: Promise<Rendition>;
  /** The first CRL served, replayed by the 'replay' fault (a lower CRL number). */
  first?: Rendition;
}

export async function startSandboxCrlServer(o: SandboxCrlServerOptions = {}): Promise<SandboxCrlServer> {
  const pki = o.pki ?? createSandboxPki();
  const clock = o.clock ?? systemClock;
  const validityMs = o.validityMs ?? 86_400_000;
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-crl-'));
  const partitions = new Map<string, Partition>();
  const served = new Map<string, number>();
  const faults = new Map<string, CrlServerFault>();
  const timers = new Set<NodeJS.Timeout>();
  const resolver = createPartitionResolver();

  const add = (name: SandboxPartitionName): Partition => {
    const id = gatewayPartitionOf(name).id;
    let p = partitions.get(id);
    if (!p) {
      p = { name, id, entries: new Map(), synthetic: 0, version: 1, crlNumber: 0 };
      partitions.set(id, p);
    }
    return p;
  };
  for (const p of o.partitions ?? []) add(p);
  const changed = (p: Partition): void => {
    p.version++;
  };

  const render = async (p: Partition, stale: boolean): Promise<Rendition> => {
    const now = clock.now().getTime();
    const thisUpdate = new Date(stale ? now - 2 * validityMs : now);
    const input = {
      partition: p.name,
      issuer: pki.root(p.name.purpose ?? 'signing', o.generation),
      crlNumber: ++p.crlNumber,
      thisUpdate,
      nextUpdate: new Date(thisUpdate.getTime() + validityMs),
      entries: [...p.entries.values()],
      synthetic: p.synthetic,
    };
    let body: Rendition['body'];
    if (input.entries.length + p.synthetic <= IN_MEMORY_CRL_ENTRIES) body = crlFor(input);
    else {
      const file = join(dir, `${p.id.replace(/\//g, '_')}-${input.crlNumber}.crl`);
      await writePartitionCrlFile(file, input);
      body = { file, size: (await stat(file)).size };
    }
    const etag = `"${createHash('sha256').update(`${p.id}/${input.crlNumber}/${p.version}`).digest('hex').slice(0, 16)}"`;
    return { version: p.version, crlNumber: input.crlNumber, etag, thisUpdate, body };
  };

  const rendition = async (p: Partition, fault: CrlServerFault): Promise<Rendition> => {
    if (fault === 'stale') return render(p, true);
    const cur = p.current ? await p.current : undefined;
    if (fault === 'replay' && p.first) return p.first;
    if (cur && cur.version === p.version) return cur;
    p.current = render(p, false);
    const next = await p.current;
    p.first ??= next;
    return next;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const m = /^\/crl\/([a-z0-9-]+\/[a-z0-9-]+\/[a-z0-9-]+)\.crl$/.exec(req.url ?? '');
    const p = m ? partitions.get(m[1]!) : undefined;
    if (req.method !== 'GET' || !p) return void res.writeHead(404).end();
    const fault = faults.get(p.id) ?? faults.get('*') ?? 'none';
    if (fault === '500') return void res.writeHead(500).end('simulated failure');
    if (fault === 'redirect') return void res.writeHead(302, { location: `${req.url}?again` }).end();
    if (fault === 'slow') {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, o.slowMs ?? 30_000);
        timers.add(t);
        res.on('close', () => (clearTimeout(t), timers.delete(t), resolve()));
      });
      if (res.destroyed) return;
    }
    if (fault === 'garbage') {
      const junk = randomBytes(4096);
      return void res.writeHead(200, { 'content-length': junk.length }).end(junk);
    }
    const r = await rendition(p, fault);
    const lastModified = r.thisUpdate.toUTCString();
    const ims = Date.parse(req.headers['if-modified-since'] ?? '');
    const notModified = req.headers['if-none-match']
      ? req.headers['if-none-match'] === r.etag
      : !Number.isNaN(ims) && Math.floor(r.thisUpdate.getTime() / 1000) * 1000 <= ims;
    if (notModified && fault === 'none')
      return void res.writeHead(304, { etag: r.etag, 'last-modified': lastModified }).end();
    const size = r.body instanceof Uint8Array ? r.body.length : r.body.size;
    res.writeHead(200, {
      'content-type': 'application/pkix-crl',
      'content-length': size,
      etag: r.etag,
      'last-modified': lastModified,
    });
    if (fault === 'cut') {
      const half = r.body instanceof Uint8Array ? r.body.subarray(0, size >> 1) : await headOf(r.body.file, size >> 1);
      return void res.write(half, () => res.socket?.destroy());
    }
    served.set(p.id, (served.get(p.id) ?? 0) + 1);
    if (r.body instanceof Uint8Array) return void res.end(r.body);
    createReadStream(r.body.file).pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crl`;

  const byId = (p: SandboxPartitionName | string): Partition => {
    const found = typeof p === 'string' ? partitions.get(p) : add(p);
    if (!found) throw new TypeError(`unknown sandbox partition ${String(p)}`);
    return found;
  };

  return {
    url,
    urlTemplate: `${url}/{purpose}/{prefecture}/{municipality}.crl`,
    addPartition: (p) => add(p).id,
    revoke(cert, reason = 'affiliationChanged', at = clock.now()) {
      const c = cert instanceof Uint8Array ? parseCertificate(cert) : cert;
      const id = resolver.resolve(c).partition.id;
      const p = partitions.get(id);
      if (!p) throw new TypeError(`certificate partition ${id} is not published here (addPartition first)`);
      p.entries.set(toHex(c.serial), { serial: BigInt(`0x${toHex(c.serial)}`), revokedAt: at, reason });
      changed(p);
    },
    grow(p, n) {
      if (!Number.isInteger(n) || n < 0) throw new TypeError('grow: n must be a non-negative integer');
      const part = byId(p);
      part.synthetic += n;
      changed(part);
    },
    republish(p) {
      changed(byId(p));
    },
    setFault(fault, partition = '*') {
      if (fault === 'none') faults.delete(partition);
      else faults.set(partition, fault);
    },
    downloads: (partition) =>
      partition ? (served.get(partition) ?? 0) : [...served.values()].reduce((a, b) => a + b, 0),
    async crl(id) {
      const r = await rendition(byId(id), 'none');
      return r.body instanceof Uint8Array ? r.body : headOf(r.body.file, r.body.size);
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function headOf(file: string, n: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of createReadStream(file, { start: 0, end: Math.max(n - 1, 0) })) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
