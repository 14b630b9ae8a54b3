/** The verifier's OCSP methods against the sandbox responder over real HTTP on loopback. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifier, createVerifierPool, fixedClock } from '../../src/index.js';
import { startSandboxOcspServer, type SandboxOcspServer } from '../../src/sandbox/ocsp-server.js';
import { createCrl } from '../../src/sandbox/crl.js';
import { crlDistributionPointName } from '../../src/sandbox/index.js';
import { DAY, T0, sandbox } from './fixtures.js';

let server: SandboxOcspServer;
const pki = sandbox();
const leaf = pki.issueAuthenticationCertificate({ serial: 0x2a2a2a2a });
const roots = pki.authenticationRoots.map((r) => r.der);

function authCrl(): Uint8Array {
  const root = pki.root('authentication', '2023');
  return createCrl({
    issuerNameDer: root.subjectDer,
    issuerPrivateKey: root.privateKey,
    issuerKeyId: root.keyId,
    thisUpdate: new Date(T0.getTime() - DAY / 2),
    nextUpdate: new Date(T0.getTime() + DAY / 2),
    crlNumber: 3,
    idpDirectoryNameDer: crlDistributionPointName('authentication', 'Tokyo-to', 'Chiyoda-ku'),
    entries: [],
  });
}

beforeAll(async () => {
  server = await startSandboxOcspServer({ port: 0, pki, clock: fixedClock(T0), slowMs: 5_000 });
});
afterAll(async () => server.close());

const verifier = (revocation: 'ocsp' | 'ocsp-then-crl' | 'crl-then-ocsp', crls: Uint8Array[] = []) =>
  createVerifier({
    trustAnchors: roots,
    crls,
    revocation,
    ocspUrl: server.url,
    ocspResponders: [{ timeoutMs: 1_000 }],
    clock: fixedClock(T0),
  });

describe('verifyCertificate with OCSP', () => {
  it('passes with a good OCSP answer and names the source', async () => {
    server.setFault('none');
    const r = await verifier('ocsp').verifyCertificate({ certificate: leaf.der, profile: 'jpki-authentication' });
    expect(r.errors, JSON.stringify(r.errors)).toEqual([]);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.revocation).toMatchObject({ status: 'good', source: 'ocsp', policy: 'ocsp' });
  });

  it('fails closed when the responder is down (INDETERMINATE / TRY_LATER)', async () => {
    server.setFault('http-500');
    const r = await verifier('ocsp').verifyCertificate({ certificate: leaf.der, profile: 'jpki-authentication' });
    expect([r.indication, r.subIndication, r.errors[0]?.code]).toEqual([
      'INDETERMINATE',
      'TRY_LATER',
      'ERR_OCSP_UNAVAILABLE',
    ]);
  });

  it('ocsp-then-crl falls back to the CRL only when OCSP is unusable', async () => {
    server.setFault('http-500');
    const down = await verifier('ocsp-then-crl', [authCrl()]).verifyCertificate({
      certificate: leaf.der,
      profile: 'jpki-authentication',
    });
    expect(down.indication).toBe('TOTAL_PASSED');
    expect(down.revocation.source).toBe('crl');
    server.setFault('unknown');
    const unknown = await verifier('ocsp-then-crl', [authCrl()]).verifyCertificate({
      certificate: leaf.der,
      profile: 'jpki-authentication',
    });
    expect([unknown.indication, unknown.errors[0]?.code]).toEqual(['INDETERMINATE', 'ERR_OCSP_UNKNOWN']);
  });

  it('crl-then-ocsp asks OCSP when no CRL applies', async () => {
    server.setFault('none');
    const r = await verifier('crl-then-ocsp').verifyCertificate({
      certificate: leaf.der,
      profile: 'jpki-authentication',
    });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.revocation.source).toBe('ocsp');
  });

  it('reports REVOKED from OCSP with the JPKI meaning', async () => {
    server.setFault('none');
    server.revoke(0x2a2a2a2a, 'keyCompromise', new Date(T0.getTime() - DAY));
    const r = await verifier('ocsp').verifyCertificate({ certificate: leaf.der, profile: 'jpki-authentication' });
    expect([r.indication, r.subIndication]).toEqual(['TOTAL_FAILED', 'REVOKED']);
    expect(r.revocation).toMatchObject({ status: 'revoked', source: 'ocsp', reason: 'keyCompromise' });
  });
});

describe('OCSP from a verifier pool: one checker on the main thread for every worker', () => {
  const other = pki.issueAuthenticationCertificate({ serial: 0x2b2b2b2b });
  const poolOf = (clockAt = T0) =>
    createVerifierPool({
      size: 2,
      verifier: {
        trustAnchors: roots,
        revocation: 'ocsp',
        ocspUrl: server.url,
        ocspResponders: [{ timeoutMs: 1_000 }],
      },
      clock: fixedClock(clockAt),
    });

  it('four checks of one certificate over two workers: one OCSP request (shared cache and in-flight)', async () => {
    server.setFault('none');
    const pool = poolOf();
    try {
      await pool.ready();
      const before = server.requestCount();
      const reports = await Promise.all(
        [1, 2, 3, 4].map(() => pool.verifyCertificate({ certificate: other.der, profile: 'jpki-authentication' })),
      );
      for (const r of reports) {
        expect(r.indication).toBe('TOTAL_PASSED');
        expect(r.revocation).toMatchObject({ status: 'good', source: 'ocsp' });
      }
      expect(server.requestCount() - before).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('coded OCSP failures cross threads: responder down → INDETERMINATE / TRY_LATER; revoked → REVOKED', async () => {
    const pool = poolOf();
    try {
      await pool.ready();
      const fresh = pki.issueAuthenticationCertificate({ serial: 0x2c2c2c2c });
      server.setFault('http-500');
      const down = await pool.verifyCertificate({ certificate: fresh.der, profile: 'jpki-authentication' });
      expect([down.indication, down.subIndication, down.errors[0]?.code]).toEqual([
        'INDETERMINATE',
        'TRY_LATER',
        'ERR_OCSP_UNAVAILABLE',
      ]);
      server.setFault('none');
      server.revoke(0x2c2c2c2c, 'keyCompromise', new Date(T0.getTime() - DAY));
      const revoked = await pool.verifyCertificate({ certificate: fresh.der, profile: 'jpki-authentication' });
      expect([revoked.indication, revoked.subIndication]).toEqual(['TOTAL_FAILED', 'REVOKED']);
    } finally {
      await pool.close();
    }
  });
});
