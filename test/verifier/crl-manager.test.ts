/**
 * The verifier answering revocation from refreshed CRL partitions (the server's manager):
 * sandbox J-LIS publisher over real HTTP → manager → verifySignature, and a revocation showing
 * after the next refresh. Never a stale "good".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifier } from '../../src/index.js';
import { createCrlManager } from '../../src/revocation/manager/create-crl-manager.js';
import type { CrlManager } from '../../src/revocation/manager/types.js';
import { createHttpSource } from '../../src/revocation/sources/create-http-source.js';
import { startSandboxCrlServer, type SandboxCrlServer } from '../../src/sandbox/crl-publisher-server.js';
import { signCms } from '../../src/sandbox/cms.js';
import {
  CHIYODA,
  CHIYODA_ID,
  DAY,
  HOUR,
  mutableClock,
  pki,
  rootCert,
  tempDir,
} from '../revocation/manager/fixtures.js';

const clock = mutableClock();
let server: SandboxCrlServer;
let manager: CrlManager;
const issued = pki.issueSigningCertificate({ prefecture: CHIYODA.prefecture, municipality: CHIYODA.municipality });
const content = new TextEncoder().encode('sandbox loan contract');
const signature = signCms({ content, certificate: issued.der, privateKey: issued.privateKey });

beforeAll(async () => {
  server = await startSandboxCrlServer({ pki, clock, partitions: [CHIYODA] });
  manager = createCrlManager({
    clock,
    sources: [createHttpSource({ urlTemplate: server.urlTemplate, timeoutMs: 2000, tmpDir: await tempDir() })],
    issuers: [rootCert],
    graceMs: 0,
    schedule: false,
  });
  await manager.start();
});
afterAll(async () => {
  await manager.close();
  await server.close();
});

const verifier = () => createVerifier({ trustAnchors: pki.signingRoots.map((r) => r.der), crlManager: manager, clock });

describe('verifySignature with the CRL manager', () => {
  it('passes from a freshly loaded partition and names its CRL', async () => {
    const r = await verifier().verifySignature({ signature, content });
    expect(r.errors).toEqual([]);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.revocation).toMatchObject({ status: 'good', source: 'crl' });
  });

  it('turns REVOKED after the revocation is published and refreshed', async () => {
    clock.advance(HOUR);
    server.revoke(issued.der, 'affiliationChanged', clock.now());
    clock.advance(1000);
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['updated']);
    const r = await verifier().verifySignature({ signature, content, at: clock.now() });
    expect([r.indication, r.subIndication]).toEqual(['TOTAL_FAILED', 'REVOKED']);
    expect(r.revocation).toMatchObject({ status: 'revoked', reason: 'affiliationChanged' });
  });

  it('never answers good from a stale partition (source failing, nextUpdate passed)', async () => {
    const other = pki.issueSigningCertificate({ prefecture: CHIYODA.prefecture, municipality: CHIYODA.municipality });
    const sig = signCms({ content, certificate: other.der, privateKey: other.privateKey });
    expect((await verifier().verifySignature({ signature: sig, content, at: clock.now() })).indication).toBe(
      'TOTAL_PASSED',
    );
    server.setFault('500');
    clock.advance(3 * DAY);
    const r = await verifier().verifySignature({ signature: sig, content, at: clock.now() });
    expect([r.indication, r.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    expect(r.errors[0]?.code).toMatch(/^ERR_CRL_STALE|ERR_REVOCATION_UNAVAILABLE|ERR_CRL_FETCH_FAILED$/);
    server.setFault('none');
  });
});
