/** The simulated J-LIS CRL publisher: pure CRLs, streamed large partitions, the HTTP server. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { ingestCrl } from '../../src/revocation/crl/index.js';
import { parsePartitionId } from '../../src/revocation/partitions/partition-of-name.js';
import { createHttpSource } from '../../src/revocation/sources/create-http-source.js';
import {
  IN_MEMORY_CRL_ENTRIES,
  crlFor,
  gatewayPartitionOf,
  type PartitionCrlInput,
} from '../../src/sandbox/crl-publisher.js';
import { writePartitionCrlFile } from '../../src/sandbox/crl-publisher-file.js';
import { startSandboxCrlServer, type SandboxCrlServer } from '../../src/sandbox/crl-publisher-server.js';
import {
  CHIYODA,
  CHIYODA_ID,
  DAY,
  HOUR,
  T0,
  leaf,
  mutableClock,
  pki,
  root,
  rootCert,
  tempDir,
} from '../revocation/manager/fixtures.js';

const card = leaf();
const input = (over: Partial<PartitionCrlInput> = {}): PartitionCrlInput => ({
  partition: CHIYODA,
  issuer: root,
  crlNumber: 3,
  thisUpdate: new Date(T0),
  nextUpdate: new Date(T0 + DAY),
  entries: [{ serial: BigInt(`0x${card.cert.serialHex}`), revokedAt: new Date(T0 - HOUR), reason: 'keyCompromise' }],
  ...over,
});
const ingest = (x: Uint8Array | string) => ingestCrl(x, { issuers: [rootCert], clock: fixedClock(T0 + HOUR) });

describe('crlFor', () => {
  it('is pure and makes a verified partition CRL naming its CRL DP', async () => {
    const der = crlFor(input({ synthetic: 50 }));
    expect(crlFor(input({ synthetic: 50 }))).toEqual(der);
    const v = await ingest(der);
    expect(v.crlNumber).toBe(3n);
    expect(v.index.size).toBe(51);
    expect(v.index.lookup(card.cert.serial)).toMatchObject({ revoked: true, reason: 'keyCompromise' });
    expect(v.idp?.directoryNames).toHaveLength(1);
    expect(gatewayPartitionOf(CHIYODA).id).toBe(CHIYODA_ID);
  });

  it('refuses in-memory CRLs above its limit', () => {
    expect(() => crlFor(input({ synthetic: IN_MEMORY_CRL_ENTRIES }))).toThrow(TypeError);
  });
});

describe('writePartitionCrlFile', () => {
  it('streams the same bytes crlFor makes: bulk synthetic (writeCrlFile) and mixed', async () => {
    const dir = await tempDir();
    for (const [name, over] of [
      ['synthetic', { entries: [], synthetic: 3000 }],
      ['mixed', { synthetic: 3000 }],
      ['explicit', {}],
    ] as const) {
      const file = join(dir, `${name}.crl`);
      await writePartitionCrlFile(file, input(over));
      expect(new Uint8Array(await readFile(file)), name).toEqual(crlFor(input(over)));
    }
  });
});

describe('startSandboxCrlServer', () => {
  const clock = mutableClock();
  let server: SandboxCrlServer;
  beforeAll(async () => {
    server = await startSandboxCrlServer({ pki, clock, partitions: [CHIYODA] });
  });
  afterAll(() => server.close());

  it('publishes per-municipality CRLs; revoking a card shows in the next one', async () => {
    const first = await ingest(await server.crl(CHIYODA_ID));
    expect(first.index.lookup(card.cert.serial)).toEqual({ revoked: false });
    server.revoke(card.der, 'affiliationChanged', new Date(T0));
    const next = await ingest(await server.crl(CHIYODA_ID));
    expect(next.crlNumber).toBe(first.crlNumber! + 1n);
    expect(next.index.lookup(card.cert.serial)).toMatchObject({ revoked: true, reason: 'affiliationChanged' });
    expect(() => server.revoke(leaf({ prefecture: 'Osaka-fu', municipality: 'Osaka-shi' }).der)).toThrow(TypeError);
  });

  it('grows a partition past the in-memory limit: streamed from a file, still listing the card', async () => {
    server.grow(CHIYODA_ID, IN_MEMORY_CRL_ENTRIES);
    const src = createHttpSource({ urlTemplate: server.urlTemplate, tmpDir: await tempDir() });
    const f = await src.fetch(parsePartitionId(CHIYODA_ID), undefined);
    if (f.status !== 'fetched') throw new Error(f.status);
    const v = await ingest(f.input as string);
    await f.release();
    expect(v.index.size).toBe(IN_MEMORY_CRL_ENTRIES + 1);
    expect(v.index.lookup(card.cert.serial)).toMatchObject({ revoked: true });
    expect(server.downloads(CHIYODA_ID)).toBe(1);
  }, 60_000);
});
