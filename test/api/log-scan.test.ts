/**
 * Logs carry no secrets and no personal data: drive requests that hold an API key, a client
 * token, a My Number (in a rejected body and in a sandbox card), card data and an internal
 * error, then scan every captured log line.
 */
import { describe, expect, it } from 'vitest';
import { sandboxMyNumber } from '../../src/sandbox/card.js';
import { bearer, KEYS, testApp } from './support/test-app.js';
import { cmsBody } from './support/material.js';
import type { Verifier } from '../../src/verifier/types.js';
import { TWELVE_DIGITS, withoutUuids } from '../support/log-scan.js';

describe('log scan', () => {
  it('no API key, client token, PIN or 12-digit number reaches the logs', async () => {
    let explode = false;
    const t0 = testApp({ env: { LOG_LEVEL: 'debug' } });
    const verifier: Verifier = {
      ...t0.sandbox.verifier,
      verifySignature: async (input) => {
        if (explode) throw new Error('boom');
        return t0.sandbox.verifier.verifySignature(input);
      },
    };
    const t = testApp({ env: { LOG_LEVEL: 'debug' }, sandbox: t0.sandbox, verifier });
    const myNumber = sandboxMyNumber('log-scan');
    let n = 0;
    // Deterministic request ids: a random UUID's last group could be 12 digits by chance.
    const rid = () => ({ 'x-request-id': `scan-${++n}` });
    const clientToken = 'ct_0123456789abcdefghijklmnopqrstuvwxyzABCD';

    const card = (
      await t.app.inject({ method: 'POST', url: '/sandbox/cards', headers: rid(), payload: { myNumber } })
    ).json();
    const issued = t.sandbox.cards.get(card.id)!;
    await t.app.inject({
      method: 'POST',
      url: '/v1/validations',
      headers: { ...bearer(KEYS.acme), ...rid(), 'idempotency-key': 'scan-1' },
      payload: cmsBody(issued),
    });
    await t.app.inject({
      method: 'POST',
      url: '/v1/validations',
      headers: { ...bearer(KEYS.acme), ...rid() },
      payload: { signature: 'AAAA', myNumber, pin: '1234', cardData: { textAp: card.textAp } },
    });
    await t.app.inject({
      method: 'POST',
      url: `/v1/validations?myNumber=${myNumber}`,
      headers: { ...bearer(KEYS.acme), ...rid() },
      payload: { signature: 'AAAA' },
    });
    await t.app.inject({ method: 'GET', url: '/v1/client/session', headers: { ...bearer(clientToken), ...rid() } });
    await t.app.inject({
      method: 'POST',
      url: '/v1/validations',
      headers: { ...bearer('sk_wrong_key_value'), ...rid() },
      payload: {},
    });
    explode = true;
    await t.app.inject({
      method: 'POST',
      url: '/v1/validations',
      headers: { ...bearer(KEYS.acme), ...rid() },
      payload: { signature: 'AAAA' },
    });

    const logs = t.logs.text;
    expect(t.logs.lines.length).toBeGreaterThan(10);
    expect(logs).toContain('boom'); // the internal error is logged (and was not sent)
    for (const secret of [KEYS.acme, 'sk_wrong_key_value', clientToken, myNumber, issued.myNumber, 'ABC123'])
      expect(logs, secret.slice(0, 6)).not.toContain(secret);
    expect(withoutUuids(logs)).not.toMatch(TWELVE_DIGITS);
    expect(logs).not.toMatch(/BEGIN PRIVATE KEY/);
    expect(logs).not.toContain(card.textAp.ef0001);
  });
});
