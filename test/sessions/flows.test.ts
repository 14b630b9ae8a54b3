/**
 * The session verbs end to end in-process (memory stores, sandbox cards): each flow, each
 * refusal with its code. The same flows run over real HTTP in test/api/sessions/.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAttributes } from '../../src/cms/parse-attributes.js';
import { parseDer } from '../../src/pki/der.js';
import { signCms } from '../../src/sandbox/cms.js';
import { SESSION_BINDING_OID, readSessionBinding, type CreateSessionRequest } from '../../src/sessions/index.js';
import { CertificateNotAcceptedError } from '../../src/sessions/certificate-not-accepted.js';
import { nonceKey, cardChallengeKey } from '../../src/sessions/keys.js';
import { createVerifier } from '../../src/index.js';
import {
  ORIGIN,
  OTHER_TENANT,
  TENANT,
  card,
  cardData,
  cardSign,
  certB64,
  codeOf,
  currentCrl,
  harness,
  type Harness,
} from './fixtures.js';

const identity: CreateSessionRequest = { type: 'identity', purpose: '口座開設', origin: ORIGIN };
const withMyNumber: CreateSessionRequest = { ...identity, include: ['basic4', 'my_number'] };
const DOC = Buffer.from('%PDF-1.7 金銭消費貸借契約書 (sandbox)');
const signingByContent: CreateSessionRequest = {
  type: 'signing',
  purpose: '金銭消費貸借契約の締結',
  origin: ORIGIN,
  document: { name: 'loan.pdf', content: DOC.toString('base64'), mediaType: 'application/pdf' },
};
const signingByDigest: CreateSessionRequest = {
  ...signingByContent,
  document: { name: 'loan.pdf', digest: createHash('sha256').update(DOC).digest('base64') },
};

/** create → data-to-sign → card signs → signature (two-step), as the widget does. */
async function twoStep(h: Harness, req: CreateSessionRequest, c = card('valid'), opts: { cardData?: boolean } = {}) {
  const created = await h.service.create(TENANT, req);
  const view = await h.service.clientSession(created.clientToken);
  const dts = await h.service.dataToSign(created.clientToken, certB64(c.signing.der));
  const signatureValue = cardSign(c, dts.digestInfo);
  const body = {
    signatureValue,
    ...(opts.cardData !== false && view.cardChallenge ? { cardData: cardData(c, view.cardChallenge) } : {}),
  };
  const outcome = await h.service.submitSignature(created.clientToken, body);
  return { created, view, dts, signatureValue, body, outcome };
}

describe('identity sessions (two-step)', () => {
  it('valid card with the My Number: completed, identity and certificate in the result, number readable once', async () => {
    const h = harness();
    const c = card('valid');
    const { created, dts, outcome } = await twoStep(h, withMyNumber, c);
    expect(outcome).toEqual({ status: 'completed' });
    const s = await h.service.get(TENANT, created.id);
    expect(s.status).toBe('completed');
    expect(s.hint).toBeUndefined();
    expect(s.result!.report).toMatchObject({ indication: 'TOTAL_PASSED', subIndication: null });
    expect(s.result!.identity).toMatchObject({ name: c.identity.name });
    expect(s.result!.certificate).toMatchObject({
      serialNumber: c.signing.serial.toLowerCase(),
      der: certB64(c.signing.der),
    });
    expect(s.result!.evidenceId).toMatch(/^evd_[A-Za-z0-9]{22}$/);
    expect(s.result!.myNumberAvailable).toBe(true);

    // the assembled CMS verifies on its own (attached statement) and carries the session binding
    const cms = Buffer.from(s.result!.signature!, 'base64');
    const alone = createVerifier({ trustAnchors: [c.signing.issuer.der], crls: [currentCrl()], clock: h.clock });
    expect((await alone.verifySignature({ signature: cms })).indication).toBe('TOTAL_PASSED');
    const attrsDer = Buffer.from(dts.dataToSign, 'base64');
    const binding = parseAttributes(attrsDer, parseDer(attrsDer)).find((a) => a.type === SESSION_BINDING_OID)!;
    const b = readSessionBinding(attrsDer.subarray(binding.values[0]!.start, binding.values[0]!.end));
    expect(b.sessionId).toBe(created.id);
    expect(b.nonceHash).toHaveLength(32);

    const read = await h.service.readMyNumber(TENANT, created.id);
    expect(read.reveal()).toBe(c.myNumber);
    expect(await codeOf(h.service.readMyNumber(TENANT, created.id))).toBe('ERR_MY_NUMBER_GONE');
    expect((await h.service.get(TENANT, created.id)).result!.myNumberAvailable).toBe(false);
    expect(h.audit.events.map((e) => e.type)).toEqual(['my_number.stored', 'my_number.read', 'my_number.deleted']);
  });

  it('without basic4 the result shares no identity (report included)', async () => {
    const h = harness();
    const { created } = await twoStep(h, { ...identity, include: ['my_number'] });
    const s = await h.service.get(TENANT, created.id);
    expect(s.status).toBe('completed');
    expect(s.result!.identity).toBeUndefined();
    expect(s.result!.report.signer!.identity).toBeNull();
  });

  it('revoked card: failed, certificate_revoked, nothing stored in the vault', async () => {
    const h = harness();
    const { created, outcome } = await twoStep(h, withMyNumber, card('revoked'));
    expect(outcome).toEqual({ status: 'failed', hint: 'certificate_revoked' });
    const s = await h.service.get(TENANT, created.id);
    expect(s.result!.report.subIndication).toBe('REVOKED');
    expect(s.errors!.map((e) => e.code)).toContain('ERR_REVOKED');
    expect(s.result!.myNumberAvailable).toBe(false);
    expect(s.result!.identity).toBeUndefined();
    expect(h.audit.events).toEqual([]);
  });

  it('expired card: failed, certificate_expired', async () => {
    const h = harness();
    const { outcome } = await twoStep(h, identity, card('expired'));
    expect(outcome).toEqual({ status: 'failed', hint: 'certificate_expired' });
  });

  it('tampered text AP: failed, card_data_invalid, the card code in the errors, no number stored', async () => {
    const h = harness();
    const { created, outcome } = await twoStep(h, withMyNumber, card('tampered'));
    expect(outcome).toEqual({ status: 'failed', hint: 'card_data_invalid' });
    const s = await h.service.get(TENANT, created.id);
    expect(s.result!.report.indication).not.toBe('TOTAL_PASSED');
    expect(s.errors!.map((e) => e.code)).toContain('ERR_CARD_MY_NUMBER_HASH_MISMATCH');
    expect(await codeOf(h.service.readMyNumber(TENANT, created.id))).toBe('ERR_MY_NUMBER_GONE');
  });

  it("another person's text AP: the cross-check with the signing certificate fails", async () => {
    const h = harness();
    const other = card('other-person');
    const created = await h.service.create(TENANT, withMyNumber);
    const view = await h.service.clientSession(created.clientToken);
    const dts = await h.service.dataToSign(created.clientToken, certB64(other.signing.der));
    const outcome = await h.service.submitSignature(created.clientToken, {
      signatureValue: cardSign(other, dts.digestInfo),
      cardData: cardData(other, view.cardChallenge!),
    });
    expect(outcome).toEqual({ status: 'failed', hint: 'card_data_invalid' });
    const s = await h.service.get(TENANT, created.id);
    expect(s.errors!.map((e) => e.code)).toContain('ERR_CARD_NAME_MISMATCH');
  });

  it('card data signed over another challenge: ERR_CARD_CHALLENGE_SIGNATURE_INVALID', async () => {
    const h = harness();
    const created = await h.service.create(TENANT, withMyNumber);
    const dts = await h.service.dataToSign(created.clientToken, certB64(card().signing.der));
    const outcome = await h.service.submitSignature(created.clientToken, {
      signatureValue: cardSign(card(), dts.digestInfo),
      cardData: cardData(card(), Buffer.alloc(32, 1).toString('base64')),
    });
    expect(outcome.hint).toBe('card_data_invalid');
    expect((await h.service.get(TENANT, created.id)).errors!.map((e) => e.code)).toContain(
      'ERR_CARD_CHALLENGE_SIGNATURE_INVALID',
    );
  });

  it('wrong purpose: the authentication certificate is refused at data-to-sign, the session stays pending', async () => {
    const h = harness();
    const created = await h.service.create(TENANT, identity);
    const err = await h.service.dataToSign(created.clientToken, certB64(card().authentication.der)).catch((e) => e);
    expect(err).toBeInstanceOf(CertificateNotAcceptedError);
    expect(err.code).toBe('ERR_SESSION_CERTIFICATE_NOT_ACCEPTED');
    expect(err.report.errors.map((e: { code: string }) => e.code)).toContain('ERR_CERT_WRONG_PURPOSE');
    expect((await h.service.get(TENANT, created.id)).status).toBe('pending');
    // garbage is not a certificate
    expect(await codeOf(h.service.dataToSign(created.clientToken, 'AAAA'))).toBe(
      'ERR_SESSION_CERTIFICATE_NOT_ACCEPTED',
    );
    expect(await codeOf(h.service.dataToSign(created.clientToken, '***'))).toBe('ERR_SESSION_INPUT');
  });

  it('a signature by the authentication key over the DigestInfo does not verify: signature_invalid', async () => {
    const h = harness();
    const created = await h.service.create(TENANT, identity);
    const dts = await h.service.dataToSign(created.clientToken, certB64(card().signing.der));
    const outcome = await h.service.submitSignature(created.clientToken, {
      signatureValue: cardSign(card(), dts.digestInfo, 'authentication'),
    });
    expect(outcome).toEqual({ status: 'failed', hint: 'signature_invalid' });
  });

  it('client-built CMS over exactly the statement: completed; over another text: failed', async () => {
    const h = harness();
    const c = card();
    const ok = await h.service.create(TENANT, identity);
    const statement = Buffer.from((await h.service.clientSession(ok.clientToken)).statement!, 'utf8');
    const cms = signCms({
      content: statement,
      certificate: c.signing.der,
      privateKey: c.signing.privateKey,
      signingTime: h.clock.now(),
    });
    expect(await h.service.submitSignature(ok.clientToken, { signature: Buffer.from(cms).toString('base64') })).toEqual(
      { status: 'completed' },
    );
    const s = await h.service.get(TENANT, ok.id);
    expect(s.result!.certificate!.sha256).toBe(createHash('sha256').update(c.signing.der).digest('hex'));

    const bad = await h.service.create(TENANT, identity);
    const other = signCms({
      content: Buffer.from('I agree to anything'),
      certificate: c.signing.der,
      privateKey: c.signing.privateKey,
    });
    expect(
      await h.service.submitSignature(bad.clientToken, { signature: Buffer.from(other).toString('base64') }),
    ).toEqual({
      status: 'failed',
      hint: 'signature_invalid',
    });
    expect((await h.service.get(TENANT, bad.id)).errors![0]!.code).toBe('ERR_HASH_MISMATCH');
  });
});

describe('signing sessions', () => {
  it('two-step over a document given by content: completed, a detached CAdES-B CMS that verifies with the document', async () => {
    const h = harness();
    const { created, outcome } = await twoStep(h, signingByContent);
    expect(outcome).toEqual({ status: 'completed' });
    const s = await h.service.get(TENANT, created.id);
    const alone = createVerifier({ trustAnchors: [card().signing.issuer.der], crls: [currentCrl()], clock: h.clock });
    const report = await alone.verifySignature({
      signature: Buffer.from(s.result!.signature!, 'base64'),
      content: DOC,
    });
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.signingTime).toBe(h.clock.now().toISOString());
  });

  it('two-step over a document given by its SHA-256: completed', async () => {
    const h = harness();
    const { created, outcome } = await twoStep(h, signingByDigest);
    expect(outcome).toEqual({ status: 'completed' });
    const alone = createVerifier({ trustAnchors: [card().signing.issuer.der], crls: [currentCrl()], clock: h.clock });
    const s = await h.service.get(TENANT, created.id);
    expect(
      (await alone.verifySignature({ signature: Buffer.from(s.result!.signature!, 'base64'), content: DOC }))
        .indication,
    ).toBe('TOTAL_PASSED');
  });

  it('client-built CMS: signed now → completed; signed before the session → ERR_SESSION_SIGNING_TIME; by digest → refused', async () => {
    const h = harness();
    const c = card();
    const sign = (signingTime?: Date) =>
      Buffer.from(
        signCms({
          content: DOC,
          certificate: c.signing.der,
          privateKey: c.signing.privateKey,
          ...(signingTime ? { signingTime } : {}),
        }),
      ).toString('base64');
    const now = await h.service.create(TENANT, signingByContent);
    expect(await h.service.submitSignature(now.clientToken, { signature: sign(h.clock.now()) })).toEqual({
      status: 'completed',
    });

    const old = await h.service.create(TENANT, signingByContent);
    expect(
      await h.service.submitSignature(old.clientToken, {
        signature: sign(new Date(h.clock.now().getTime() - 3_600_000)),
      }),
    ).toEqual({
      status: 'failed',
      hint: 'signature_invalid',
    });
    const s = await h.service.get(TENANT, old.id);
    expect(s.errors!.map((e) => e.code)).toEqual(['ERR_SESSION_SIGNING_TIME']);
    expect(s.result!.report.indication).not.toBe('TOTAL_PASSED');

    const untimed = await h.service.create(TENANT, signingByContent);
    await h.service.submitSignature(untimed.clientToken, { signature: sign() });
    expect((await h.service.get(TENANT, untimed.id)).errors!.map((e) => e.code)).toEqual(['ERR_SESSION_SIGNING_TIME']);

    const byDigest = await h.service.create(TENANT, signingByDigest);
    expect(await codeOf(h.service.submitSignature(byDigest.clientToken, { signature: sign(h.clock.now()) }))).toBe(
      'ERR_SESSION_DOCUMENT_CONTENT_REQUIRED',
    );
    expect((await h.service.get(TENANT, byDigest.id)).status).toBe('pending');
  });
});

describe('single use', () => {
  it('the same client token after completion is refused (ERR_SESSION_CLIENT_TOKEN)', async () => {
    const h = harness();
    const { created, body } = await twoStep(h, identity);
    expect(await codeOf(h.service.submitSignature(created.clientToken, body))).toBe('ERR_SESSION_CLIENT_TOKEN');
    expect(await codeOf(h.service.clientSession(created.clientToken))).toBe('ERR_SESSION_CLIENT_TOKEN');
    expect(await codeOf(h.service.dataToSign(created.clientToken, certB64(card().signing.der)))).toBe(
      'ERR_SESSION_CLIENT_TOKEN',
    );
  });

  it('a signature value already submitted is refused in another session, which stays pending', async () => {
    const h = harness();
    const first = await twoStep(h, signingByContent);
    const second = await h.service.create(TENANT, signingByContent);
    await h.service.dataToSign(second.clientToken, certB64(card().signing.der));
    expect(await codeOf(h.service.submitSignature(second.clientToken, { signatureValue: first.signatureValue }))).toBe(
      'ERR_SESSION_SIGNATURE_REPLAYED',
    );
    expect((await h.service.get(TENANT, second.id)).status).toBe('pending');
  });

  it('concurrent submissions of one session: exactly one is processed', async () => {
    const h = harness();
    const created = await h.service.create(TENANT, identity);
    const dts = await h.service.dataToSign(created.clientToken, certB64(card().signing.der));
    const body = { signatureValue: cardSign(card(), dts.digestInfo) };
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => h.service.submitSignature(created.clientToken, body)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []));
    for (const code of codes) expect(['ERR_SESSION_SIGNATURE_REPLAYED', 'ERR_SESSION_CLIENT_TOKEN']).toContain(code);
  });

  it('a statement nonce that is gone fails the session with ERR_SESSION_NONCE_USED', async () => {
    const h = harness();
    const created = await h.service.create(TENANT, identity);
    const dts = await h.service.dataToSign(created.clientToken, certB64(card().signing.der));
    await h.stores.singleUse.take(nonceKey(TENANT.id, created.id));
    expect(
      await h.service.submitSignature(created.clientToken, { signatureValue: cardSign(card(), dts.digestInfo) }),
    ).toMatchObject({
      status: 'failed',
    });
    expect((await h.service.get(TENANT, created.id)).errors!.map((e) => e.code)).toEqual(['ERR_SESSION_NONCE_USED']);
  });

  it('a card challenge that is gone fails the session with ERR_SESSION_CHALLENGE_USED', async () => {
    const h = harness();
    const created = await h.service.create(TENANT, withMyNumber);
    const view = await h.service.clientSession(created.clientToken);
    const dts = await h.service.dataToSign(created.clientToken, certB64(card().signing.der));
    await h.stores.singleUse.take(cardChallengeKey(TENANT.id, created.id));
    await h.service.submitSignature(created.clientToken, {
      signatureValue: cardSign(card(), dts.digestInfo),
      cardData: cardData(card(), view.cardChallenge!),
    });
    const s = await h.service.get(TENANT, created.id);
    expect(s.status).toBe('failed');
    expect(s.errors!.map((e) => e.code)).toEqual(['ERR_SESSION_CHALLENGE_USED']);
  });
});

describe('refusals that change nothing', () => {
  it('ERR_SESSION_NOT_PREPARED: a signature value before data-to-sign', async () => {
    const h = harness();
    const created = await h.service.create(TENANT, identity);
    expect(await codeOf(h.service.submitSignature(created.clientToken, { signatureValue: 'AAAA' }))).toBe(
      'ERR_SESSION_NOT_PREPARED',
    );
    expect((await h.service.clientSession(created.clientToken)).status).toBe('pending');
  });

  it('ERR_SESSION_CARD_DATA_REQUIRED / _UNEXPECTED', async () => {
    const h = harness();
    const a = await twoStep(h, withMyNumber, card(), { cardData: false }).catch((e) => e);
    expect(a.code).toBe('ERR_SESSION_CARD_DATA_REQUIRED');
    const created = await h.service.create(TENANT, identity);
    await h.service.dataToSign(created.clientToken, certB64(card().signing.der));
    const cd = cardData(card(), Buffer.alloc(32).toString('base64'));
    expect(await codeOf(h.service.submitSignature(created.clientToken, { signatureValue: 'AAAA', cardData: cd }))).toBe(
      'ERR_SESSION_CARD_DATA_UNEXPECTED',
    );
  });

  it('ERR_SESSION_INPUT: both or neither signature forms, bad base64', async () => {
    const h = harness();
    const created = await h.service.create(TENANT, identity);
    for (const body of [{}, { signatureValue: 'AAAA', signature: 'AAAA' }, { signatureValue: '!!' }, null])
      expect(await codeOf(h.service.submitSignature(created.clientToken, body))).toBe('ERR_SESSION_INPUT');
  });

  it('ERR_SESSION_CLIENT_TOKEN: malformed and unknown tokens', async () => {
    const h = harness();
    for (const t of [undefined, '', 'ct_short', `ct_${'A'.repeat(43)}`])
      expect(await codeOf(h.service.clientSession(t))).toBe('ERR_SESSION_CLIENT_TOKEN');
  });
});

describe('RP operations', () => {
  it('another tenant gets ERR_SESSION_NOT_FOUND for every operation; malformed ids too', async () => {
    const h = harness();
    const created = await h.service.create(TENANT, withMyNumber);
    expect(await codeOf(h.service.get(OTHER_TENANT, created.id))).toBe('ERR_SESSION_NOT_FOUND');
    expect(await codeOf(h.service.cancel(OTHER_TENANT, created.id))).toBe('ERR_SESSION_NOT_FOUND');
    expect(await codeOf(h.service.readMyNumber(OTHER_TENANT, created.id))).toBe('ERR_SESSION_NOT_FOUND');
    expect(await codeOf(h.service.get(TENANT, 'ses_nope'))).toBe('ERR_SESSION_NOT_FOUND');
    expect(await codeOf(h.service.get(TENANT, '../etc'))).toBe('ERR_SESSION_NOT_FOUND');
  });

  it('cancel: pending → cancelled_by_rp; again → ERR_SESSION_STATE; the widget is refused', async () => {
    const h = harness();
    const created = await h.service.create(TENANT, identity);
    expect(await h.service.cancel(TENANT, created.id)).toMatchObject({ status: 'cancelled', hint: 'cancelled_by_rp' });
    expect(await codeOf(h.service.cancel(TENANT, created.id))).toBe('ERR_SESSION_STATE');
    expect(await codeOf(h.service.clientSession(created.clientToken))).toBe('ERR_SESSION_STATE');
  });

  it('expiry by the injected clock: expired everywhere, ERR_SESSION_EXPIRED for the widget and cancel', async () => {
    const h = harness();
    const created = await h.service.create(TENANT, identity);
    const dts = await h.service.dataToSign(created.clientToken, certB64(card().signing.der));
    h.clock.advance(600_000);
    expect(await codeOf(h.service.clientSession(created.clientToken))).toBe('ERR_SESSION_EXPIRED');
    expect(
      await codeOf(
        h.service.submitSignature(created.clientToken, { signatureValue: cardSign(card(), dts.digestInfo) }),
      ),
    ).toBe('ERR_SESSION_EXPIRED');
    expect(await h.service.get(TENANT, created.id)).toMatchObject({ status: 'expired', hint: 'expired' });
    expect(await codeOf(h.service.cancel(TENANT, created.id))).toBe('ERR_SESSION_EXPIRED');
  });

  it('my-number: ERR_MY_NUMBER_NOT_REQUESTED, ERR_SESSION_STATE while pending, ERR_SESSION_SCOPE without the scope', async () => {
    const h = harness();
    const plain = await h.service.create(TENANT, identity);
    expect(await codeOf(h.service.readMyNumber(TENANT, plain.id))).toBe('ERR_MY_NUMBER_NOT_REQUESTED');
    const pending = await h.service.create(TENANT, withMyNumber);
    expect(await codeOf(h.service.readMyNumber(TENANT, pending.id))).toBe('ERR_SESSION_STATE');
    const noScope = { ...TENANT, scopes: new Set(['identity']) };
    expect(await codeOf(h.service.readMyNumber(noScope, pending.id))).toBe('ERR_SESSION_SCOPE');
  });
});
