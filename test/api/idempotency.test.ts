import { describe, expect, it } from 'vitest';
import type { Verifier } from '../../src/verifier/types.js';
import { bearer, KEYS, testApp, testSandbox } from './support/test-app.js';

function gatedVerifier(inner: Verifier) {
  let open: () => void = () => {};
  let gate = Promise.resolve();
  let failNext = false;
  const verifier: Verifier = {
    ...inner,
    verifySignature: async (input) => {
      await gate;
      if (failNext) {
        failNext = false;
        throw new Error('verifier exploded with internal detail /srv/secret/path');
      }
      return inner.verifySignature(input);
    },
  };
  return {
    verifier,
    hold: () => {
      gate = new Promise((r) => (open = r));
    },
    release: () => open(),
    failOnce: () => {
      failNext = true;
    },
  };
}

describe('Idempotency-Key', () => {
  const sandbox = testSandbox();
  const gated = gatedVerifier(sandbox.verifier);
  const t = testApp({ sandbox, verifier: gated.verifier });
  const call = (key: string | undefined, body: object, apiKey: string = KEYS.acme) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/validations',
      headers: { ...bearer(apiKey), ...(key ? { 'idempotency-key': key } : {}) },
      payload: body,
    });

  it('same key + same body → the stored response, marked as a replay', async () => {
    const first = await call('k-1', { signature: 'MAMCAQE=' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await call('k-1', { signature: 'MAMCAQE=' });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body); // byte for byte (validationTime included)
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
  });

  it('same key + different body → 422 ERR_IDEMPOTENCY_KEY_REUSED', async () => {
    await call('k-2', { signature: 'MAMCAQE=' });
    const res = await call('k-2', { signature: 'MAMCAQI=' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('ERR_IDEMPOTENCY_KEY_REUSED');
  });

  it('a duplicate while the first is running → 409 ERR_IDEMPOTENCY_IN_PROGRESS; afterwards a replay', async () => {
    gated.hold();
    const first = call('k-3', { signature: 'MAMCAQE=' });
    await new Promise((r) => setTimeout(r, 20)); // let the first claim the key
    const dup = await call('k-3', { signature: 'MAMCAQE=' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ERR_IDEMPOTENCY_IN_PROGRESS');
    gated.release();
    expect((await first).statusCode).toBe(200);
    expect((await call('k-3', { signature: 'MAMCAQE=' })).headers['idempotent-replayed']).toBe('true');
  });

  it('a 5xx is not stored: the retry runs again', async () => {
    gated.failOnce();
    const failed = await call('k-4', { signature: 'MAMCAQE=' });
    expect(failed.statusCode).toBe(500);
    expect(failed.json().code).toBe('ERR_INTERNAL');
    expect(failed.body).not.toContain('/srv/secret'); // details logged, never sent
    expect(t.logs.text).toContain('/srv/secret/path');
    const retry = await call('k-4', { signature: 'MAMCAQE=' });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keys are per tenant: another tenant using the same key runs its own request', async () => {
    await call('k-5', { signature: 'MAMCAQE=' });
    const res = await call('k-5', { signature: 'MAMCAQI=' }, KEYS.other);
    expect(res.statusCode).toBe(200);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('a malformed key is ERR_VALIDATION (spec: 1–255 visible ASCII)', async () => {
    const res = await call('x'.repeat(256), { signature: 'MAMCAQE=' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('ERR_VALIDATION');
  });

  it('without a key nothing is stored', async () => {
    const a = await call(undefined, { signature: 'MAMCAQE=' });
    const b = await call(undefined, { signature: 'MAMCAQE=' });
    expect(a.headers['idempotent-replayed']).toBeUndefined();
    expect(b.headers['idempotent-replayed']).toBeUndefined();
  });
});
