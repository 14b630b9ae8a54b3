import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, KEYS, testApp, type TestApp } from './support/test-app.js';
import { CONTENT, b64, card, cmsBody, rawBody } from './support/material.js';
import type { SandboxCard } from '../../src/sandbox/card.js';

let t: TestApp;
let valid: SandboxCard;

beforeAll(() => {
  t = testApp();
  valid = card(t.sandbox).card;
});

const post = (body: unknown, key: string = KEYS.acme, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/v1/validations',
    headers: { ...bearer(key), ...headers },
    payload: body as object,
  });

describe('POST /v1/validations', () => {
  it('a valid sandbox CMS → 200 TOTAL_PASSED with the signer identity', async () => {
    const res = await post(cmsBody(valid));
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.subIndication).toBeNull();
    expect(report.signer.identity.sex).toBe(valid.identity.sex);
    expect(report.revocation).toMatchObject({ status: 'good', source: 'crl' });
  });

  it('the HTTP report is exactly the library report (the response schema drops nothing)', async () => {
    const body = cmsBody(valid);
    const res = await post(body);
    const direct = await t.sandbox.verifier.verifySignature({
      signature: Buffer.from(body.signature, 'base64'),
      content: Buffer.from(body.content, 'base64'),
    });
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('a raw signature over a digest → TOTAL_PASSED', async () => {
    const res = await post(rawBody(valid));
    expect(res.statusCode).toBe(200);
    expect(res.json().indication).toBe('TOTAL_PASSED');
  });

  it('a failed signature is still 200: other content → TOTAL_FAILED / HASH_FAILURE', async () => {
    const body = { ...cmsBody(valid), content: b64(new TextEncoder().encode('another contract')) };
    const res = await post(body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
  });

  it('garbage bytes → 200 FORMAT_FAILURE; detached without content → SIGNED_DATA_NOT_FOUND', async () => {
    expect((await post({ signature: b64(new Uint8Array([1, 2, 3, 4])) })).json().subIndication).toBe('FORMAT_FAILURE');
    const { signature } = cmsBody(valid);
    expect((await post({ signature })).json().subIndication).toBe('SIGNED_DATA_NOT_FOUND');
  });

  it('an expired card → EXPIRED; validationTime moves the check to another moment', async () => {
    const expired = card(t.sandbox, { scenario: 'expired' }).card;
    expect((await post(cmsBody(expired))).json().subIndication).toBe('EXPIRED');
    const before = new Date(expired.signing.notAfter.getTime() - 86_400_000).toISOString();
    const res = await post({ ...cmsBody(expired), validationTime: before });
    expect(res.json().validationTime).toBe(before);
  });

  it('the authentication certificate used for signing → SIG_CONSTRAINTS_FAILURE', async () => {
    const body = {
      ...rawBody(valid),
      certificate: b64(valid.authentication.der),
      signatureValue: b64((await import('node:crypto')).sign('sha256', CONTENT, valid.authentication.privateKey)),
    };
    const report = (await post(body)).json();
    expect(report.indication).not.toBe('TOTAL_PASSED');
  });

  it('counts outcomes by sub-indication in /metrics', async () => {
    await post({ signature: b64(new Uint8Array([1, 2, 3, 4])) });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(
      /jpki_gateway_validations_total\{indication="TOTAL_FAILED",sub_indication="FORMAT_FAILURE"\} \d+/,
    );
    expect(metrics.body).toMatch(/jpki_gateway_http_request_duration_seconds_bucket\{[^}]*route="\/v1\/validations"/);
  });
});

describe('POST /v1/validations — refusals (problem+json)', () => {
  const expectProblem = (res: Awaited<ReturnType<typeof post>>, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const p = res.json();
    expect(p).toMatchObject({ status, code, type: expect.stringMatching(/^https:\/\//), title: expect.any(String) });
    return p;
  };

  it('ERR_VALIDATION: neither shape, unknown fields, bad base64, bad enum, bad date', async () => {
    expectProblem(await post({}), 400, 'ERR_VALIDATION');
    expectProblem(await post({ signature: 'AAAA', extra: 1 }), 400, 'ERR_VALIDATION');
    expectProblem(await post({ signature: 'not base64!' }), 400, 'ERR_VALIDATION');
    // large fields are checked after parsing: no padding, base64url, empty, stray whitespace
    for (const signature of ['MAMCAQE', 'MAMC_QE=', '', 'MAMC AQE=', 'MAMCAQE=\n'])
      expectProblem(await post({ signature }), 400, 'ERR_VALIDATION');
    expectProblem(await post({ signature: 'MAMCAQE=', content: 'a-b_' }), 400, 'ERR_VALIDATION');
    expectProblem(await post({ signature: 'AAAA', profile: 'qes' }), 400, 'ERR_VALIDATION');
    expectProblem(await post({ signature: 'AAAA', validationTime: 'yesterday' }), 400, 'ERR_VALIDATION');
    expectProblem(await post({ ...rawBody(valid), digestAlgorithm: 'SHA-1' }), 400, 'ERR_VALIDATION');
    // both shapes at once is neither
    expectProblem(await post({ ...rawBody(valid), signature: 'AAAA' }), 400, 'ERR_VALIDATION');
  });

  it('ERR_VALIDATION for malformed JSON, without echoing the bytes', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/validations',
      headers: { ...bearer(KEYS.acme), 'content-type': 'application/json' },
      payload: '{"signature": SECRET-LOOKING-TEXT',
    });
    const p = expectProblem(res, 400, 'ERR_VALIDATION');
    expect(JSON.stringify(p)).not.toContain('SECRET');
  });

  it('ERR_UNSUPPORTED_MEDIA_TYPE for a non-JSON body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/validations',
      headers: { ...bearer(KEYS.acme), 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expectProblem(res, 415, 'ERR_UNSUPPORTED_MEDIA_TYPE');
  });

  it('ERR_PAYLOAD_TOO_LARGE above GATEWAY_BODY_LIMIT_BYTES', async () => {
    const small = testApp({ env: { GATEWAY_BODY_LIMIT_BYTES: '2048' }, sandbox: t.sandbox });
    const res = await small.app.inject({
      method: 'POST',
      url: '/v1/validations',
      headers: bearer(KEYS.acme),
      payload: { signature: 'A'.repeat(4000) },
    });
    expectProblem(res, 413, 'ERR_PAYLOAD_TOO_LARGE');
  });

  it("ERR_VALIDATION for profile 'generic' where no trust anchors are configured", async () => {
    const { createVerifier } = await import('../../src/verifier/create-verifier.js');
    const bundled = testApp({ verifier: createVerifier(), sandbox: t.sandbox });
    const res = await bundled.app.inject({
      method: 'POST',
      url: '/v1/validations',
      headers: bearer(KEYS.acme),
      payload: { ...cmsBody(valid), profile: 'generic' },
    });
    expectProblem(res, 400, 'ERR_VALIDATION');
  });

  it('ERR_UNAVAILABLE (503, Retry-After) when the verifier pool cannot answer; never a report', async () => {
    const { VerifierUnavailableError } = await import('../../src/verifier/pool/verifier-unavailable.js');
    for (const [reason, retryAfter] of [
      ['busy', '1'],
      ['stopped', '5'],
      ['timeout', '5'],
    ] as const) {
      const down = testApp({
        sandbox: t.sandbox,
        verifier: {
          ...t.sandbox.verifier,
          verifySignature: () => Promise.reject(new VerifierUnavailableError(reason, `test: ${reason}`)),
        },
      });
      const res = await down.app.inject({
        method: 'POST',
        url: '/v1/validations',
        headers: bearer(KEYS.acme),
        payload: cmsBody(valid),
      });
      expectProblem(res, 503, 'ERR_UNAVAILABLE');
      expect(res.headers['retry-after']).toBe(retryAfter);
      expect(res.body).not.toContain('indication');
      expect(down.logs.text).toContain('verifier unavailable');
    }
  });
});
