import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyMutations, mutation } from '../../support/byte-mutations.js';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors.js';
import { ingestCrl, scanCrl } from '../../../src/revocation/crl/index.js';
import { clock, issuer, makeCrl } from './fixtures.js';

const base = makeCrl({ idpDirectoryNameDer: Uint8Array.of(0x30, 0) });
const dir = mkdtempSync(join(tmpdir(), 'crl-fuzz-'));

const apply = applyMutations;

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
