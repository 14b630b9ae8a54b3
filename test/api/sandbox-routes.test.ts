import { X509Certificate, createPrivateKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCrl } from '../../src/revocation/crl/index.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { buildOcspRequest } from '../../src/revocation/ocsp/build-ocsp-request.js';
import { parseBasicOcspResponse, parseOcspResponse } from '../../src/revocation/ocsp/parse-ocsp-response.js';
import { bearer, KEYS, testApp, testSandbox, type TestApp } from './support/test-app.js';
import { cmsBody } from './support/material.js';

/** Issue a card, validate, revoke it, validate again: the CRL the verifier uses changes at once. */
async function revokeFlow(t: TestApp): Promise<void> {
  const issued = await t.app.inject({
    method: 'POST',
    url: '/sandbox/cards',
    payload: { identity: { name: '見本　次郎' } },
  });
  const { id } = issued.json();
  const card = t.sandbox.cards.get(id)!;
  const body = cmsBody(card);
  const validate = () =>
    t.app.inject({ method: 'POST', url: '/v1/validations', headers: bearer(KEYS.acme), payload: body });
  expect((await validate()).json().indication).toBe('TOTAL_PASSED');

  const revoked = await t.app.inject({
    method: 'POST',
    url: `/sandbox/cards/${id}/revoke`,
    payload: { reason: 'affiliationChanged' },
  });
  expect(revoked.statusCode).toBe(200);
  expect(revoked.json()).toMatchObject({ id, reason: 'affiliationChanged', crl: 'signing-Tokyo-to-Chiyoda-ku.crl' });

  const report = (await validate()).json();
  expect(report).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'REVOKED' });
  expect(report.revocation).toMatchObject({ status: 'revoked', reason: 'affiliationChanged' });

  const twice = await t.app.inject({
    method: 'POST',
    url: `/sandbox/cards/${id}/revoke`,
    payload: { reason: 'superseded' },
  });
  expect(twice.statusCode).toBe(409);
  expect(twice.json().code).toBe('ERR_CONFLICT');
}

describe('/sandbox routes (sandbox mode)', () => {
  const t = testApp();

  it('POST /sandbox/cards returns the card material of `sandbox card` as PEM/base64 JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/sandbox/cards', payload: { identity: { sex: 'male' } } });
    expect(res.statusCode).toBe(201);
    const card = res.json();
    expect(card.id).toMatch(/^card_[A-Za-z0-9]+$/);
    const cert = new X509Certificate(card.signingCertificate);
    expect(cert.checkPrivateKey(createPrivateKey(card.signingKey))).toBe(true);
    expect(
      new X509Certificate(card.authenticationCertificate).checkPrivateKey(createPrivateKey(card.authenticationKey)),
    ).toBe(true);
    expect(cert.verify(new X509Certificate(card.signingCaCertificate).publicKey)).toBe(true);
    for (const ef of ['ef0001', 'ef0002', 'ef0003', 'ef0004', 'ef0007'])
      expect(Buffer.from(card.textAp[ef], 'base64').length).toBeGreaterThan(0);
    expect(card.cardKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(card.pins).toEqual({ signing: 'ABC123', authentication: '1234', textAp: '1234' });
    expect(card.crlUrl).toBe('http://gateway.test/sandbox/crl/signing-Tokyo-to-Chiyoda-ku.crl');
    // the same request gives the same card (deterministic, key cache hit)
    const again = await t.app.inject({ method: 'POST', url: '/sandbox/cards', payload: { identity: { sex: 'male' } } });
    expect(again.json().id).toBe(card.id);
    // no body at all is the default card
    expect((await t.app.inject({ method: 'POST', url: '/sandbox/cards' })).statusCode).toBe(201);
  });

  it('refuses an invalid card request (ERR_VALIDATION), e.g. a malformed My Number or unknown scenario', async () => {
    for (const payload of [
      { myNumber: '9876543' },
      { scenario: 'revoked' },
      { identity: { sex: 'x' } },
      { pins: {} },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/sandbox/cards', payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('ERR_VALIDATION');
      expect(res.body).not.toContain('9876543'); // the value is never echoed (a distinctive one: request ids contain digits)
    }
  });

  it('revoking a card puts it on the CRL the verifier uses at once: TOTAL_PASSED → REVOKED', () => revokeFlow(t));

  it('revoking an unknown card is ERR_NOT_FOUND; a bad reason ERR_VALIDATION', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/sandbox/cards/card_nope/revoke',
      payload: { reason: 'superseded' },
    });
    expect(missing.json().code).toBe('ERR_NOT_FOUND');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/sandbox/cards/card_nope/revoke',
      payload: { reason: 'removeFromCRL' },
    });
    expect(bad.json().code).toBe('ERR_VALIDATION');
  });

  it('GET /sandbox/crl lists the current CRLs; each is served as DER signed by its sandbox root', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/sandbox/crl' })).json();
    expect(list.crls.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['signing-Tokyo-to-Chiyoda-ku.crl', 'authentication-Tokyo-to-Chiyoda-ku.crl']),
    );
    const res = await t.app.inject({ method: 'GET', url: '/sandbox/crl/signing-Tokyo-to-Chiyoda-ku.crl' });
    expect(res.headers['content-type']).toBe('application/pkix-crl');
    const root = parseCertificate(t.sandbox.pki.root('signing').der);
    const crl = await ingestCrl(new Uint8Array(res.rawPayload), {
      issuers: [root],
      clock: { now: () => new Date('2026-03-01T00:00:00Z') },
    });
    expect(crl.crlNumber).toBeGreaterThan(0n);
    expect((await t.app.inject({ method: 'GET', url: '/sandbox/crl/none.crl' })).json().code).toBe('ERR_NOT_FOUND');
  });

  it('POST /sandbox/ocsp answers from the same revocation entries as the CRLs', async () => {
    const { id, card } = t.sandbox.cards.issue({ identity: { name: '見本　三郎' } });
    const ask = async () => {
      const { der } = buildOcspRequest(
        parseCertificate(card.authentication.der),
        parseCertificate(card.authentication.issuer.der),
      );
      const res = await t.app.inject({
        method: 'POST',
        url: '/sandbox/ocsp',
        headers: { 'content-type': 'application/ocsp-request' },
        payload: Buffer.from(der),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/ocsp-response');
      const outer = parseOcspResponse(new Uint8Array(res.rawPayload));
      expect(outer.responseStatus).toBe(0);
      return parseBasicOcspResponse(outer.response!).responses[0]!.status.kind;
    };
    expect(await ask()).toBe('good');
    await t.app.inject({ method: 'POST', url: `/sandbox/cards/${id}/revoke`, payload: { reason: 'keyCompromise' } });
    expect(await ask()).toBe('revoked');
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/sandbox/ocsp',
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(wrongType.json().code).toBe('ERR_UNSUPPORTED_MEDIA_TYPE');
  });

  it('the TSA (evidence issue) answers ERR_NOT_IMPLEMENTED', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/sandbox/tsa',
      headers: { 'content-type': 'application/timestamp-query' },
      payload: Buffer.from([0x30, 0]),
    });
    expect(res.statusCode).toBe(501);
    expect(res.json().code).toBe('ERR_NOT_IMPLEMENTED');
  });

  it('production mode has no /sandbox routes', async () => {
    const { buildApp } = await import('../../src/app.js');
    const { createMemoryStores } = await import('../../src/storage/api-stores.js');
    const { createTenantRegistry } = await import('../../src/tenants/tenant-registry.js');
    const { loadConfig } = await import('../../src/config/load-config.js');
    const app = buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      verifier: t.sandbox.verifier,
      tenants: createTenantRegistry([]),
      stores: createMemoryStores({ now: () => new Date() }),
    });
    const res = await app.inject({ method: 'POST', url: '/sandbox/cards' });
    expect(res.statusCode).toBe(404);
  });
});

describe('/sandbox routes with verification on worker threads (the server default)', () => {
  const sandbox = testSandbox(undefined, 1);
  const t = testApp({ sandbox });
  beforeAll(() => sandbox.ready());
  afterAll(() => sandbox.close());

  it('a revocation reaches the workers before the next validation: TOTAL_PASSED → REVOKED', () => revokeFlow(t));
});
