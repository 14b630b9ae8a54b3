/**
 * The OCSP fault matrix of issue 4 over real HTTP on loopback: the sandbox responder plays
 * each fault and the checker must answer with that fault's code — never "good".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcspChecker } from '../../../src/revocation/ocsp/index.js';
import { startSandboxOcspServer, type SandboxOcspServer } from '../../../src/sandbox/ocsp-server.js';
import type { SandboxOcspFault } from '../../../src/sandbox/ocsp-faults.js';
import type { ErrorCode } from '../../../src/errors.js';
import { AT, clock, expectError, issueLeaf, issuerCert, root } from './fixtures.js';

const MATRIX: readonly [SandboxOcspFault, ErrorCode][] = [
  ['slow', 'ERR_OCSP_UNAVAILABLE'],
  ['down', 'ERR_OCSP_UNAVAILABLE'],
  ['http-500', 'ERR_OCSP_UNAVAILABLE'],
  ['redirect', 'ERR_OCSP_UNAVAILABLE'],
  ['oversized', 'ERR_OCSP_UNAVAILABLE'],
  ['wrong-content-type', 'ERR_OCSP_MALFORMED'],
  ['garbage', 'ERR_OCSP_MALFORMED'],
  ['try-later', 'ERR_OCSP_RESPONSE_STATUS'],
  ['stale', 'ERR_OCSP_STALE'],
  ['future', 'ERR_OCSP_NOT_YET_VALID'],
  ['unknown', 'ERR_OCSP_UNKNOWN'],
  ['wrong-signer', 'ERR_OCSP_RESPONDER_UNAUTHORIZED'],
  ['expired-responder', 'ERR_OCSP_RESPONDER_UNAUTHORIZED'],
  ['bad-signature', 'ERR_OCSP_SIGNATURE_INVALID'],
  ['nonce-mismatch', 'ERR_OCSP_NONCE_MISMATCH'],
  ['no-nonce', 'ERR_OCSP_NONCE_MISMATCH'],
  ['wrong-cert-id', 'ERR_OCSP_CERT_ID_MISMATCH'],
  ['two-responses', 'ERR_OCSP_CERT_ID_MISMATCH'],
];

for (const signer of ['delegated', 'ca'] as const) {
  describe(`fault matrix, ${signer}-signed responder`, () => {
    let server: SandboxOcspServer;
    beforeAll(async () => {
      server = await startSandboxOcspServer({ clock, issuers: [root], signer, slowMs: 5_000 });
    });
    afterAll(() => server.close());

    const checker = () =>
      createOcspChecker({
        clock,
        cacheSize: 0,
        responders: [{ url: server.url, timeoutMs: 1_000, maxBytes: 64 * 1024 }],
      });

    it('answers good without a fault (the matrix is not vacuous)', async () => {
      server.setFault('none');
      const r = await checker().check(issueLeaf().cert, issuerCert, AT.getTime());
      expect(r.status).toBe('good');
      if (r.status === 'good') expect(r.responder.kind).toBe(signer === 'ca' ? 'issuer' : 'delegated');
    });

    for (const [fault, code] of MATRIX) {
      // The signer mode only matters for content faults; forged/expired delegates replace any signer.
      it(`${fault} → ${code}`, async () => {
        server.setFault(fault);
        try {
          const r = await checker().check(issueLeaf().cert, issuerCert, AT.getTime());
          expectError(r, code);
        } finally {
          server.setFault('none');
        }
      });
    }
  });
}

describe('responder gone', () => {
  it('connection refused → ERR_OCSP_UNAVAILABLE', async () => {
    const server = await startSandboxOcspServer({ clock, issuers: [root] });
    const url = server.url;
    await server.close();
    const r = await createOcspChecker({ clock }).check(issueLeaf(url).cert, issuerCert, AT.getTime());
    expectError(r, 'ERR_OCSP_UNAVAILABLE');
  });
});
