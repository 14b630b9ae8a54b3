/**
 * 現況確認 on demand: the deployment's verifier re-checks a certificate at the clock's now and
 * the answer is one word an RP acts on, never "valid" without revocation data.
 */
import { describe, expect, it } from 'vitest';
import { checkCertificateStatus } from '../../src/monitors/check-certificate-status.js';
import { createVerifier } from '../../src/index.js';
import { card, certB64, sandboxVerifier } from '../sessions/fixtures.js';
import { manualClock } from '../storage/contract/manual-clock.js';
import { SANDBOX_CARD_AT } from '../../src/sandbox/card.js';

const clock = manualClock(SANDBOX_CARD_AT);
const verifier = sandboxVerifier(clock);
const check = (der: Uint8Array | string, v = verifier) =>
  checkCertificateStatus(v, clock, { certificate: typeof der === 'string' ? der : certB64(der) });

describe('checkCertificateStatus', () => {
  it('valid: TOTAL_PASSED with good revocation, checked now', async () => {
    const r = await check(card('valid').signing.der);
    expect(r).toMatchObject({ status: 'valid', checkedAt: clock.now().toISOString() });
    expect(r.report.revocation.status).toBe('good');
    expect(r.report.validationTime).toBe(clock.now().toISOString());
  });
  it('revoked: with the reason and its JPKI meaning', async () => {
    const r = await check(card('revoked').signing.der);
    expect(r).toMatchObject({
      status: 'revoked',
      reason: 'affiliationChanged',
      reasonMeaning: 'a basic-four attribute changed (move, name change): re-verify the customer',
    });
    expect(r.revokedAt).toBeDefined();
  });
  it('expired', async () => {
    expect((await check(card('expired').signing.der)).status).toBe('expired');
  });
  it('unknown when no revocation data can be had (fail closed)', async () => {
    const c = card('valid');
    const noCrl = createVerifier({ trustAnchors: [c.signing.issuer.der], clock });
    const r = await check(c.signing.der, noCrl);
    expect(r.status).toBe('unknown');
    expect(r.report.subIndication).toBe('TRY_LATER');
  });
  it('invalid for what is not a certificate', async () => {
    const r = await check('AAAA');
    expect(r.status).toBe('invalid');
    expect(r.report.indication).toBe('TOTAL_FAILED');
  });
});
