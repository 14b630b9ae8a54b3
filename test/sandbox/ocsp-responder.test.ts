/**
 * The sandbox OCSP responder: its answers as our reader and OpenSSL (`openssl ocsp`, an
 * independent client) see them — CA-signed and delegated, good and revoked, SHA-1 and
 * SHA-256 CertIDs — and its refusals (malformed request, a CA it does not serve).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from '../../src/clock.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { buildOcspRequest, verifyOcspResponse } from '../../src/revocation/ocsp/index.js';
import { parseOcspResponse } from '../../src/revocation/ocsp/parse-ocsp-response.js';
import { createSandboxPki } from '../../src/sandbox/jpki-pki.js';
import { deriveRsaKey } from '../../src/sandbox/keys.js';
import { createSandboxOcspResponder } from '../../src/sandbox/ocsp-responder.js';
import { startSandboxOcspServer } from '../../src/sandbox/ocsp-server.js';

const run = promisify(execFile);
const pki = createSandboxPki();
const root = pki.root('authentication');
const rootCert = parseCertificate(root.der);
const AT = new Date('2026-03-01T00:00:00Z');
const key = deriveRsaKey('ocsp-test-leaf');
const leafOf = (serial: bigint, ocspUrl = 'http://127.0.0.1:9/') =>
  pki.issueAuthenticationCertificate({ serial, key, ocspUrl });

function ask(responder: ReturnType<typeof createSandboxOcspResponder>, serial: bigint, certIdHash?: 'SHA-1') {
  const cert = parseCertificate(leafOf(serial).der);
  const req = buildOcspRequest(cert, rootCert, { ...(certIdHash ? { certIdHash } : {}) });
  const der = responder.respond(req.der);
  return verifyOcspResponse(der, {
    request: req.context,
    issuer: rootCert,
    now: AT.getTime(),
    skewMs: 0,
    maxAgeMs: 3_600_000,
  });
}

describe('respond()', () => {
  const responder = createSandboxOcspResponder({ clock: fixedClock(AT), issuers: [root], signer: 'ca' });

  it('good, then revoked from the very next answer, for SHA-256 and SHA-1 CertIDs', () => {
    expect(ask(responder, 0x61n).status).toBe('good');
    responder.revoke(0x61n, 'cessationOfOperation', new Date('2026-02-01T00:00:00Z'));
    expect(ask(responder, 0x61n)).toMatchObject({ status: 'revoked', reason: 'cessationOfOperation' });
    expect(ask(responder, 0x61n, 'SHA-1')).toMatchObject({ status: 'revoked', reason: 'cessationOfOperation' });
    expect(ask(responder, 0x62n, 'SHA-1').status).toBe('good');
  });

  it('asks a shared revocation list after its own', () => {
    const shared = createSandboxOcspResponder({
      clock: fixedClock(AT),
      issuers: [root],
      signer: 'ca',
      revocationOf: (_keyId, serial) =>
        serial.at(-1) === 0x63 ? { revokedAt: new Date('2026-02-02T00:00:00Z'), reason: 'superseded' } : undefined,
    });
    expect(ask(shared, 0x63n)).toMatchObject({ status: 'revoked', reason: 'superseded' });
    expect(ask(shared, 0x64n).status).toBe('good');
  });

  it('a malformed request → malformedRequest; a CA it does not serve → unauthorized', () => {
    expect(parseOcspResponse(responder.respond(Uint8Array.of(0x31, 0x00))).responseStatus).toBe(1);
    const other = pki.root('signing');
    const cert = parseCertificate(pki.issueSigningCertificate({ serial: 0x65 }).der);
    const req = buildOcspRequest(cert, parseCertificate(other.der));
    expect(parseOcspResponse(responder.respond(req.der)).responseStatus).toBe(6);
  });
});

describe('OpenSSL as the client', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jpki-ocsp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'root.pem'), root.pem);

  for (const signer of ['ca', 'delegated'] as const) {
    it(`${signer}-signed answers verify in openssl ocsp (good and revoked, nonce checked)`, async () => {
      // OpenSSL checks the times against its own clock, so this responder runs on the system clock.
      const server = await startSandboxOcspServer({ clock: systemClock, issuers: [root], signer });
      try {
        const good = leafOf(0x66n, server.url);
        const revoked = leafOf(0x67n, server.url);
        server.revoke(0x67n, 'keyCompromise', new Date('2026-02-03T00:00:00Z'));
        writeFileSync(join(dir, 'good.pem'), good.pem);
        writeFileSync(join(dir, 'revoked.pem'), revoked.pem);
        const args = ['ocsp', '-issuer', join(dir, 'root.pem'), '-CAfile', join(dir, 'root.pem'), '-url', server.url];
        const { stdout, stderr } = await run('openssl', [
          ...args,
          '-cert',
          join(dir, 'good.pem'),
          '-cert',
          join(dir, 'revoked.pem'),
        ]);
        expect(stderr).toContain('Response verify OK');
        expect(stderr).not.toMatch(/nonce/i);
        expect(stdout).toMatch(/good\.pem: good/);
        expect(stdout).toMatch(/revoked\.pem: revoked/);
        expect(stdout).toContain('Reason: keyCompromise');
      } finally {
        await server.close();
      }
    });
  }
});
