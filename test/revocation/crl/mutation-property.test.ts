import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors.js';
import { ingestCrl, scanCrl } from '../../../src/revocation/crl/index.js';
import { clock, issuer, makeCrl } from './fixtures.js';

const base = makeCrl({ idpDirectoryNameDer: Uint8Array.of(0x30, 0) });
const dir = mkdtempSync(join(tmpdir(), 'crl-fuzz-'));

type Mutation =
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; n: number }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.nat(255) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(input: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = Buffer.from(input);
  for (const m of ms) {
    const at = b.length ? m.at % b.length : 0;
    if (m.kind === 'set') b[at] = m.byte;
    else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.n)]);
    else b = b.subarray(0, at);
  }
  return new Uint8Array(b);
}

/** Resolves, or rejects with a GatewayError that is not ERR_INTERNAL. */
async function onlyCoded(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof GatewayError)) throw new Error(`raw exception: ${String(e)}`);
    expect(e.code).not.toBe('ERR_INTERNAL');
  }
}

describe('random mutations of a CRL', () => {
  it('never throw anything but a coded error, from memory', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
        const der = apply(base, ms);
        await onlyCoded(scanCrl(der));
        await onlyCoded(ingestCrl(der, { issuers: [issuer()], clock }));
      }),
      { numRuns: 1500 },
    );
  });

  it('never throw anything but a coded error, streamed in small chunks', async () => {
    const path = join(dir, 'm.der');
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 97 }),
        async (ms, chunkBytes) => {
          writeFileSync(path, apply(base, ms));
          await onlyCoded(scanCrl(path, { chunkBytes }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the unmutated CRL is accepted (the property is not vacuous)', async () => {
    await expect(ingestCrl(base, { issuers: [issuer()], clock })).resolves.toBeDefined();
  });
});
