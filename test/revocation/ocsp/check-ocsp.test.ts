/**
 * createOcspChecker over loopback HTTP against the sandbox responder: answers, revocation
 * showing at once, the cache (one request for two checks, expiry, LRU bound, no caching of
 * failures), shared in-flight requests, responder configuration and caller-bug TypeErrors.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/clock.js';
import { parseCertificate } from '../../../src/pki/certificate.js';
import { nameToString } from '../../../src/pki/name.js';
import { createOcspChecker, type OcspCheckEvent, type OcspCheckerOptions } from '../../../src/revocation/ocsp/index.js';
import { issueSandboxCard } from '../../../src/sandbox/card.js';
import { subjectPublicKeyBits } from '../../../src/sandbox/extensions.js';
import { issueOcspResponderCertificate } from '../../../src/sandbox/ocsp-responder-certificate.js';
import { startSandboxOcspServer, type SandboxOcspServer } from '../../../src/sandbox/ocsp-server.js';
import { AT, clock, expectError, HOUR, issueLeaf, issuerCert, otherRoot, pki, root } from './fixtures.js';

let server: SandboxOcspServer;
beforeAll(async () => {
  server = await startSandboxOcspServer({ clock, issuers: [root, otherRoot], signer: 'delegated' });
});
afterAll(() => server.close());
beforeEach(() => server.setFault('none'));

const T = AT.getTime();
const checkerFor = (o: Partial<OcspCheckerOptions> = {}) => createOcspChecker({ clock, ...o });
const viaAia = (serial?: bigint) => issueLeaf(server.url, serial).cert;

describe('answers', () => {
  it('good, then revoked at once after revoke() (no cache), with the CRL reason name', async () => {
    const { cert, serial } = issueLeaf(server.url, 0x31313131n);
    const checker = checkerFor({ cacheSize: 0 });
    expect((await checker.check(cert, issuerCert, T)).status).toBe('good');
    const revokedAt = new Date(T - HOUR);
    server.revoke(serial, 'keyCompromise', revokedAt, root);
    const r = await checker.check(cert, issuerCert, T);
    expect(r).toMatchObject({ status: 'revoked', reason: 'keyCompromise', fromCache: false, url: server.url });
    if (r.status === 'revoked') expect(r.revokedAt).toEqual(revokedAt);
  });

  it('a revoked sandbox card signing certificate (no AIA: the configured responder URL is used)', async () => {
    const card = issueSandboxCard({ seed: 'ocsp-card' });
    const cert = parseCertificate(card.signing.der);
    expect(cert.ocspUrls).toEqual([]);
    expect(card.signing.issuer.der).toEqual(otherRoot.der); // the default J-LIS signing root, served above
    const signingIssuer = parseCertificate(card.signing.issuer.der);
    const checker = checkerFor({ cacheSize: 0, responders: [{ url: server.url }] });
    expect((await checker.check(cert, signingIssuer, T)).status).toBe('good');
    server.revoke(card.signing.serial, 'affiliationChanged', new Date(T - HOUR), card.signing.issuer);
    expect(await checker.check(cert, signingIssuer, T)).toMatchObject({
      status: 'revoked',
      reason: 'affiliationChanged',
    });
  });

  it('unknown → ERR_OCSP_UNKNOWN', async () => {
    server.setFault('unknown');
    expectError(await checkerFor().check(viaAia(0x32323232n), issuerCert, T), 'ERR_OCSP_UNKNOWN');
  });

  it('a CA the responder does not serve → ERR_OCSP_RESPONSE_STATUS (unauthorized)', async () => {
    const third = pki.root('authentication', '2019');
    const leaf = parseCertificate(
      pki.issueAuthenticationCertificate({ issuer: third, ocspUrl: server.url, serial: 0x33 }).der,
    );
    const r = await checkerFor().check(leaf, parseCertificate(third.der), T);
    expectError(r, 'ERR_OCSP_RESPONSE_STATUS');
    if (r.status === 'error') expect(r.error.detail).toBe('unauthorized');
  });
});

describe('cache', () => {
  it('two checks, one request; the second says fromCache', async () => {
    const cert = viaAia(0x41414141n);
    const checker = checkerFor();
    const before = server.requestCount();
    const a = await checker.check(cert, issuerCert, T);
    const b = await checker.check(cert, issuerCert, T);
    expect(server.requestCount() - before).toBe(1);
    expect(a).toMatchObject({ status: 'good', fromCache: false });
    expect(b).toMatchObject({ status: 'good', fromCache: true });
  });

  it('concurrent checks of one certificate share one request', async () => {
    const cert = viaAia(0x42424242n);
    const checker = checkerFor();
    const before = server.requestCount();
    const rs = await Promise.all([1, 2, 3].map(() => checker.check(cert, issuerCert, T)));
    expect(rs.map((r) => r.status)).toEqual(['good', 'good', 'good']);
    expect(server.requestCount() - before).toBe(1);
  });

  it('served until nextUpdate (responder validity 1 h < max age), then asked again', async () => {
    let now = T;
    const moving: Clock = { now: () => new Date(now) };
    const checker = createOcspChecker({ clock: moving, maxAgeMs: 2 * HOUR });
    const cert = viaAia(0x43434343n);
    const before = server.requestCount();
    await checker.check(cert, issuerCert, T);
    now = T + HOUR - 1;
    expect((await checker.check(cert, issuerCert, now)).status).toBe('good');
    expect(server.requestCount() - before).toBe(1);
    now = T + HOUR; // responder's clock still says T: its new answer is T..T+1h, nextUpdate just reached
    await checker.check(cert, issuerCert, now);
    expect(server.requestCount() - before).toBe(2);
  });

  it('cacheMaxMs caps the time an answer is served', async () => {
    let now = T;
    const checker = createOcspChecker({ clock: { now: () => new Date(now) }, cacheMaxMs: 60_000 });
    const cert = viaAia(0x44444444n);
    const before = server.requestCount();
    await checker.check(cert, issuerCert, T);
    now = T + 60_000;
    await checker.check(cert, issuerCert, now);
    expect(server.requestCount() - before).toBe(2);
  });

  it('bounded: the least recently used answer is evicted', async () => {
    const checker = checkerFor({ cacheSize: 2 });
    const [a, b, c] = [0x45000001n, 0x45000002n, 0x45000003n].map(viaAia);
    const before = server.requestCount();
    for (const cert of [a!, b!, a!, c!]) await checker.check(cert, issuerCert, T); // a touched, so b is evicted by c
    expect(server.requestCount() - before).toBe(3);
    await checker.check(a!, issuerCert, T);
    expect(server.requestCount() - before).toBe(3);
    await checker.check(b!, issuerCert, T);
    expect(server.requestCount() - before).toBe(4);
  });

  it('failures are not cached: the next check asks again and can succeed', async () => {
    const cert = viaAia(0x46464646n);
    const checker = checkerFor();
    server.setFault('http-500');
    expectError(await checker.check(cert, issuerCert, T), 'ERR_OCSP_UNAVAILABLE');
    server.setFault('none');
    expect(await checker.check(cert, issuerCert, T)).toMatchObject({ status: 'good', fromCache: false });
  });

  it('a cached answer too old for a later validation time is not served', async () => {
    const checker = checkerFor({ maxAgeMs: HOUR });
    const cert = viaAia(0x47474747n);
    await checker.check(cert, issuerCert, T);
    const before = server.requestCount();
    expectError(await checker.check(cert, issuerCert, T + 2 * HOUR), 'ERR_OCSP_STALE');
    expect(server.requestCount() - before).toBe(1); // asked again; the fresh answer is still too old for that time
  });

  it('revoked answers are cached as well', async () => {
    const { cert, serial } = issueLeaf(server.url, 0x48484848n);
    server.revoke(serial, 'superseded', new Date(T - HOUR));
    const checker = checkerFor();
    await checker.check(cert, issuerCert, T);
    expect(await checker.check(cert, issuerCert, T)).toMatchObject({ status: 'revoked', fromCache: true });
  });
});

describe('responder configuration', () => {
  const keyHash = (alg: string) => createHash(alg).update(subjectPublicKeyBits(root.publicKey)).digest('hex');

  it('a configured URL wins over the AIA', async () => {
    const cert = issueLeaf('http://127.0.0.1:9/nothing-here', 0x51515151n).cert;
    expectError(await checkerFor().check(cert, issuerCert, T), 'ERR_OCSP_UNAVAILABLE');
    expect((await checkerFor({ responders: [{ url: server.url }] }).check(cert, issuerCert, T)).status).toBe('good');
  });

  it('match by issuer key hash (SHA-1 or SHA-256) or issuer name picks the entry; others fall back to the AIA', async () => {
    const cert = issueLeaf('http://127.0.0.1:9/nothing-here', 0x52525252n).cert;
    for (const match of [
      { issuerKeyHash: keyHash('sha1') },
      { issuerKeyHash: keyHash('sha256').toUpperCase() },
      { issuerName: nameToString(issuerCert.subject) },
    ]) {
      const r = await checkerFor({ cacheSize: 0, responders: [{ match, url: server.url }] }).check(cert, issuerCert, T);
      expect(r.status).toBe('good');
    }
    const elsewhere = checkerFor({ responders: [{ match: { issuerName: 'C=JP, O=Nobody' }, url: server.url }] });
    expectError(await elsewhere.check(cert, issuerCert, T), 'ERR_OCSP_UNAVAILABLE');
  });

  it('SHA-1 CertIDs for responders that need them', async () => {
    const r = await checkerFor({ responders: [{ certIdHash: 'SHA-1' }] }).check(viaAia(0x53535353n), issuerCert, T);
    expect(r.status).toBe('good');
  });

  it('nonce off: an answer without a nonce is accepted (nonce on: ERR_OCSP_NONCE_MISMATCH)', async () => {
    server.setFault('no-nonce');
    expect(
      (await checkerFor({ responders: [{ nonce: false }] }).check(viaAia(0x54545454n), issuerCert, T)).status,
    ).toBe('good');
    expectError(await checkerFor().check(viaAia(0x54545455n), issuerCert, T), 'ERR_OCSP_NONCE_MISMATCH');
  });

  it('pinned responder: the right one → good; another delegate of the CA → ERR_OCSP_RESPONDER_UNAUTHORIZED', async () => {
    const right = server.responder.responderCertificate(root).der;
    const other = issueOcspResponderCertificate(root, { commonName: 'Pinned Elsewhere' }).der;
    const cert = viaAia(0x55555555n);
    expect(
      (await checkerFor({ responders: [{ pinnedResponderCertificate: right }] }).check(cert, issuerCert, T)).status,
    ).toBe('good');
    expectError(
      await checkerFor({ responders: [{ pinnedResponderCertificate: other }] }).check(cert, issuerCert, T),
      'ERR_OCSP_RESPONDER_UNAUTHORIZED',
    );
  });

  it('no responder URL anywhere, or a non-HTTP AIA → ERR_OCSP_UNAVAILABLE', async () => {
    const noAia = parseCertificate(pki.issueSigningCertificate({ serial: 0x56 }).der);
    const signingIssuer = parseCertificate(pki.root('signing').der);
    expectError(await checkerFor().check(noAia, signingIssuer, T), 'ERR_OCSP_UNAVAILABLE');
    expectError(
      await checkerFor().check(issueLeaf('ldap://ocsp.example/', 0x57n).cert, issuerCert, T),
      'ERR_OCSP_UNAVAILABLE',
    );
  });

  it('the observer sees each outcome, its source and whether it was cached', async () => {
    const events: OcspCheckEvent[] = [];
    const checker = checkerFor({ observer: (e) => events.push(e) });
    const cert = viaAia(0x58585858n);
    await checker.check(cert, issuerCert, T);
    await checker.check(cert, issuerCert, T);
    server.setFault('garbage');
    await checker.check(viaAia(0x58585859n), issuerCert, T);
    expect(events.map(({ outcome, fromCache, url }) => ({ outcome, fromCache, url }))).toEqual([
      { outcome: 'good', fromCache: false, url: server.url },
      { outcome: 'good', fromCache: true, url: server.url },
      { outcome: 'ERR_OCSP_MALFORMED', fromCache: false, url: server.url },
    ]);
    expect(events.every((e) => e.durationMs >= 0)).toBe(true);
  });

  it('an observer that throws does not change the answer', async () => {
    const checker = checkerFor({
      observer: () => {
        throw new Error('metrics down');
      },
    });
    expect((await checker.check(viaAia(0x5a5a5a5an), issuerCert, T)).status).toBe('good');
  });
});

describe('caller bugs are TypeErrors', () => {
  it('options', () => {
    expect(() => createOcspChecker({} as OcspCheckerOptions)).toThrow(TypeError);
    expect(() => checkerFor({ cacheSize: -1 })).toThrow(TypeError);
    expect(() => checkerFor({ maxAgeMs: 1.5 })).toThrow(TypeError);
    expect(() => checkerFor({ responders: [{ url: 'ftp://x' }] })).toThrow(TypeError);
    expect(() => checkerFor({ responders: [{ certIdHash: 'MD5' as 'SHA-1' }] })).toThrow(TypeError);
    expect(() => checkerFor({ responders: [{ match: { issuerKeyHash: 'abc' } }] })).toThrow(TypeError);
    expect(() => checkerFor({ responders: [{ pinnedResponderCertificate: Uint8Array.of(1, 2) }] })).toThrow(TypeError);
    expect(() => checkerFor({ responders: [{ timeoutMs: 0 }] })).toThrow(TypeError);
  });

  it('arguments', async () => {
    const checker = checkerFor();
    await expect(checker.check(undefined as never, issuerCert, T)).rejects.toThrow(TypeError);
    await expect(checker.check(viaAia(0x59n), issuerCert, NaN)).rejects.toThrow(TypeError);
  });
});
