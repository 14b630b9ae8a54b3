/** `jpki-gateway crl import` and `crl status` through main(), with sandbox CRLs and roots. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixedClock } from '../../src/clock.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { createCrlManager } from '../../src/revocation/manager/create-crl-manager.js';
import { createRedisSnapshots } from '../../src/revocation/shared/create-redis-snapshots.js';
import { createDirectorySource } from '../../src/revocation/sources/create-directory-source.js';
import { connectRedis } from '../../src/storage/redis/create-redis.js';
import { skipRedisSuites, startRedis } from '../support/redis.js';
import {
  CHIYODA_ID,
  SHINJUKU,
  SHINJUKU_ID,
  T0,
  crl,
  leaf,
  revoked,
  root,
  tempDir,
} from '../revocation/manager/fixtures.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

let dir: string;
let drop: string;
const at = ['--at', new Date(T0 + 3_600_000).toISOString()];
const card = leaf();

beforeAll(async () => {
  dir = await tempDir();
  drop = join(dir, 'drop');
  await writeFile(join(dir, 'root.pem'), root.pem);
  await writeFile(join(dir, 'chiyoda-1.crl'), crl({ crlNumber: 1, entries: [revoked(card)] }));
  await writeFile(join(dir, 'chiyoda-2.crl'), crl({ crlNumber: 2, thisUpdate: T0 + 1000, entries: [revoked(card)] }));
  const pem = Buffer.from(crl({ crlNumber: 5, partition: SHINJUKU })).toString('base64');
  await writeFile(
    join(dir, 'shinjuku.pem'),
    `-----BEGIN X509 CRL-----\n${pem.replace(/.{64}/g, '$&\n')}\n-----END X509 CRL-----\n`,
  );
  await writeFile(join(dir, 'garbage.crl'), 'not a CRL');
});

const trust = () => ['--trust', join(dir, 'root.pem')];

describe('jpki-gateway crl import', () => {
  it('verifies and prints a CRL without storing it', async () => {
    const c = capture();
    expect(await main(['crl', 'import', ...trust(), ...at, join(dir, 'chiyoda-1.crl')], c.io)).toBe(0);
    const text = c.out.join('\n');
    expect(text).toContain(CHIYODA_ID);
    expect(text).toMatch(/entries\s+1/);
    expect(text).toMatch(/crlNumber\s+1/);
    expect(text).toContain('O=JPKI-TEST');
    expect(text).not.toContain('stored');
  });

  it('stores CRLs (DER and PEM) at their partitions, refusing to go back to an older one', async () => {
    const c = capture();
    const files = ['chiyoda-2.crl', 'shinjuku.pem'].map((f) => join(dir, f));
    expect(await main(['crl', 'import', '--json', ...trust(), ...at, '--dir', drop, ...files], c.io)).toBe(0);
    const res = JSON.parse(c.out.join('\n')) as { partition: string; stored: string; crlNumber: string }[];
    expect(res.map((r) => [r.partition, r.crlNumber])).toEqual([
      [CHIYODA_ID, '2'],
      [SHINJUKU_ID, '5'],
    ]);
    expect(res[0]!.stored).toBe(join(drop, 'signing/tokyo-to/chiyoda-ku.crl'));
    expect(new Uint8Array(await readFile(res[1]!.stored))).toEqual(crl({ crlNumber: 5, partition: SHINJUKU }));
    const older = capture();
    expect(await main(['crl', 'import', ...trust(), ...at, '--dir', drop, join(dir, 'chiyoda-1.crl')], older.io)).toBe(
      2,
    );
    expect(older.err.join('\n')).toContain('ERR_CRL_NUMBER_REGRESSED');
    const again = capture();
    expect(await main(['crl', 'import', ...trust(), ...at, '--dir', drop, join(dir, 'chiyoda-2.crl')], again.io)).toBe(
      0,
    );
    expect(again.out.join('\n')).toContain('already present');
  });

  it('exits 2 on bad input: garbage, a CRL from an untrusted CA, a missing file — and reports each', async () => {
    const c = capture();
    const code = await main(
      ['crl', 'import', ...at, join(dir, 'garbage.crl'), join(dir, 'chiyoda-1.crl'), join(dir, 'missing.crl')],
      c.io,
    );
    expect(code).toBe(2);
    expect(c.err).toHaveLength(3);
    expect(c.err[0]).toMatch(/garbage\.crl: ERR_/);
    expect(c.err[1]).toContain('ERR_CRL_ISSUER_MISMATCH'); // bundled production roots, sandbox CRL
    expect(c.err[2]).toContain('missing.crl');
  });

  it('usage errors exit 2', async () => {
    expect(await main(['crl', 'import'], capture().io)).toBe(2);
    expect(await main(['crl', 'nope'], capture().io)).toBe(2);
    expect(await main(['crl', 'import', '--template', 'x', 'f'], capture().io)).toBe(2);
  });
});

describe('jpki-gateway crl status', () => {
  it('shows every partition of the drop directory as the gateway would load it', async () => {
    const c = capture();
    expect(await main(['crl', 'status', ...trust(), ...at, '--dir', drop], c.io)).toBe(0);
    expect(c.out[0]).toMatch(/^partition\s+state\s+entries\s+thisUpdate\s+nextUpdate\s+crl#\s+age\s+source$/);
    expect(c.out[1]).toMatch(
      new RegExp(`^${CHIYODA_ID}\\s+fresh\\s+1\\s+2026-03-01T00:00:01.000Z\\s+2026-03-02T00:00:01.000Z\\s+2\\s+1.0h`),
    );
    expect(c.out[2]).toMatch(new RegExp(`^${SHINJUKU_ID}\\s+fresh\\s+0`));
  });

  it('--json, and exit 1 when a partition is stale or missing', async () => {
    const c = capture();
    const late = ['--at', new Date(T0 + 3 * 86_400_000).toISOString()];
    expect(
      await main(['crl', 'status', '--json', ...trust(), ...late, '--dir', drop, '--partition', 'signing/x/y'], c.io),
    ).toBe(1);
    const j = JSON.parse(c.out.join('\n')) as { partitions: { partition: string; state: string; problem?: string }[] };
    expect(j.partitions.map((p) => [p.partition, p.state])).toEqual([
      ['signing/tokyo-to/chiyoda-ku', 'missing'],
      ['signing/tokyo-to/shinjuku-ku', 'missing'],
      ['signing/x/y', 'missing'],
    ]);
    expect(j.partitions[0]!.problem).toContain('ERR_CRL_STALE');
  });

  it('needs a source', async () => {
    expect(await main(['crl', 'status'], capture().io)).toBe(2);
  });
});

describe.skipIf(skipRedisSuites())('jpki-gateway crl status --redis', () => {
  it('lists the snapshots replicas share', async () => {
    const redis = await startRedis();
    const client = await connectRedis({ url: redis.url, keyPrefix: 'cli-test:' });
    try {
      const manager = createCrlManager({
        clock: fixedClock(T0 + 3_600_000),
        sources: [createDirectorySource({ dir: drop })],
        issuers: [parseCertificate(root.der)],
        shared: createRedisSnapshots({ redis: client }),
        schedule: false,
      });
      await manager.start();
      await manager.close();
      const c = capture();
      expect(
        await main(['crl', 'status', '--json', ...at, '--redis', redis.url, '--redis-prefix', 'cli-test:'], c.io),
      ).toBe(0);
      const j = JSON.parse(c.out.join('\n')) as {
        partitions: { partition: string; crlNumber: string; entries: number }[];
      };
      expect(j.partitions.map((p) => [p.partition, p.crlNumber, p.entries])).toEqual([
        [CHIYODA_ID, '2', 1],
        [SHINJUKU_ID, '5', 0],
      ]);
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });
});
