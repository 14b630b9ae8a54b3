/**
 * Shared sandbox material for verifier tests. Origin: the simulated J-LIS (src/sandbox),
 * seed 'verifier-tests'; regenerate by changing nothing — it is derived on each run
 * (keys cached under node_modules/.cache).
 */
import { createSandboxPki, crlDistributionPointName, type SandboxPki } from '../../src/sandbox/index.js';
import { createCrl, type CrlEntryInput } from '../../src/sandbox/crl.js';

export const T0 = new Date('2026-03-01T00:00:00Z');
export const DAY = 86_400_000;

let pki: SandboxPki | undefined;
export function sandbox(): SandboxPki {
  return (pki ??= createSandboxPki({ seed: 'verifier-tests' }));
}

/** A current per-municipality CRL of a signing root (as J-LIS publishes them). */
export function signingCrl(
  entries: CrlEntryInput[] = [],
  opts: { thisUpdate?: Date; nextUpdate?: Date; generation?: '2015' | '2019' | '2023' } = {},
): Uint8Array {
  const root = sandbox().root('signing', opts.generation ?? '2023');
  return createCrl({
    issuerNameDer: root.subjectDer,
    issuerPrivateKey: root.privateKey,
    issuerKeyId: root.keyId,
    thisUpdate: opts.thisUpdate ?? new Date(T0.getTime() - DAY / 2),
    nextUpdate: opts.nextUpdate ?? new Date(T0.getTime() + DAY / 2),
    crlNumber: 7,
    idpDirectoryNameDer: crlDistributionPointName('signing', 'Tokyo-to', 'Chiyoda-ku'),
    entries,
  });
}
