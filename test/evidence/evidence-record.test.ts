/**
 * Evidence records of real sessions (sandbox cards through the session verbs): everything a
 * 犯収法 確認記録 needs, the CRL that answered archived now, immutable and idempotent, owner
 * only, and nothing recorded for a session that did not pass.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JPKI_METHOD } from '../../src/evidence/types.js';
import { peekCrlHeader } from '../../src/evidence/peek-crl-header.js';
import { card, certB64, codeOf, currentCrl } from '../sessions/fixtures.js';
import { DOC_SHA256, REQUESTS, chainTypes, endedSession, evidenceHarness } from './fixtures.js';

describe('evidence record of a completed identity session', () => {
  it('holds method, times, identity, certificate + chain, signed statement, CRL, report and policy', async () => {
    const { h, evidence, store, sink } = await evidenceHarness();
    const session = await endedSession(h, REQUESTS.identity);
    expect(session.status).toBe('completed');
    const stored = (await evidence.recordSession(session))!;
    const r = stored.record;
    const c = card('valid');
    expect(r).toMatchObject({
      format: 'jpki-gateway/evidence/v1',
      id: session.result!.evidenceId,
      tenantId: 'brokerage',
      sessionId: session.id,
      sessionType: 'identity',
      reference: 'app-0001',
      method: JPKI_METHOD,
      purpose: '証券口座の開設',
      identity: { name: c.identity.name },
      certificate: { der: certB64(c.signing.der), serialNumber: c.signing.serial.toLowerCase() },
      chain: [{ der: certB64(c.signing.issuer.der) }],
      signedData: { detached: false, contentKind: 'statement' },
      revocation: { facts: { status: 'good', source: 'crl' }, crlMaterial: 'archived' },
      report: { indication: 'TOTAL_PASSED' },
      policy: { profile: 'jpki-signing', revocation: 'crl' },
    });
    expect(r.method.law).toContain('第6条第1項第1号ワ');
    const statement = Buffer.from(r.signedData.content!, 'base64');
    expect(statement.toString('utf8')).toBe(session.statement);
    expect(r.signedData.contentSha256).toBe(createHash('sha256').update(statement).digest('hex'));
    expect(r.policy.trustAnchorSha256).toBe(r.chain[0]!.sha256);
    // times: the session's own, the report's, and 7 calendar years of retention
    expect(r.times).toMatchObject({
      sessionCreatedAt: session.createdAt,
      completedAt: session.updatedAt,
      validationTime: session.result!.report.validationTime,
      recordedAt: h.clock.now().toISOString(),
    });
    const until = new Date(r.times.recordedAt);
    until.setUTCFullYear(until.getUTCFullYear() + 7);
    expect(r.times.retainUntil).toBe(until.toISOString());
    // the CRL that answered is archived byte for byte and named by number and thisUpdate
    const crl = currentCrl();
    const h0 = peekCrlHeader(crl);
    expect(r.revocation.crls).toEqual([
      expect.objectContaining({
        sha256: createHash('sha256').update(crl).digest('hex'),
        crlNumber: h0.crlNumber!.toString(),
        thisUpdate: h0.thisUpdate.toISOString(),
      }),
    ]);
    expect(r.revocation.crls[0]!.crlNumber).toBe(r.revocation.facts.crlNumber);
    expect(await store.getCrl(r.revocation.crls[0]!.sha256)).toEqual(crl);
    // anchored in the audit chain by its hash
    expect(chainTypes(sink)).toEqual(['evidence.recorded']);
    expect(sink.text).toContain(`"sha256":"${stored.sha256}"`);
  });

  it('is immutable and idempotent: recording again returns the first record, audited once', async () => {
    const { h, evidence, sink } = await evidenceHarness();
    const session = await endedSession(h, REQUESTS.identity);
    const first = await evidence.recordSession(session);
    h.clock.advance(60_000);
    const again = await evidence.recordSession(session);
    expect(again).toEqual(first);
    expect(chainTypes(sink)).toEqual(['evidence.recorded']);
  });

  it('owner only: another tenant and unknown ids are ERR_EVIDENCE_NOT_FOUND; reads and exports are audited', async () => {
    const { h, evidence, sink } = await evidenceHarness();
    const session = await endedSession(h, REQUESTS.identity);
    const { record } = (await evidence.recordSession(session))!;
    expect((await evidence.get('brokerage', record.id)).record).toEqual(record);
    expect(await codeOf(evidence.get('bank', record.id))).toBe('ERR_EVIDENCE_NOT_FOUND');
    expect(await codeOf(evidence.get('brokerage', 'evd_AAAAAAAAAAAAAAAAAAAAAA'))).toBe('ERR_EVIDENCE_NOT_FOUND');
    expect(await codeOf(evidence.get('brokerage', '../../etc/passwd'))).toBe('ERR_EVIDENCE_NOT_FOUND');
    expect(await codeOf(evidence.export('bank', record.id))).toBe('ERR_EVIDENCE_NOT_FOUND');
    await evidence.export('brokerage', record.id);
    expect(chainTypes(sink)).toEqual(['evidence.recorded', 'evidence.read', 'evidence.exported']);
  });

  it('an edited stored record is refused with ERR_EVIDENCE_INTEGRITY, never served', async () => {
    const { h, evidence, store } = await evidenceHarness();
    const { record } = (await evidence.recordSession(await endedSession(h, REQUESTS.identity)))!;
    const texts = (store as unknown as { texts: Map<string, string> }).texts;
    texts.set(record.id, texts.get(record.id)!.replace('"app-0001"', '"app-0002"'));
    expect(await codeOf(evidence.get('brokerage', record.id))).toBe('ERR_EVIDENCE_INTEGRITY');
  });
});

describe('evidence of signing sessions', () => {
  it('document given whole: detached CMS and the document kept', async () => {
    const { h, evidence } = await evidenceHarness();
    const { record } = (await evidence.recordSession(await endedSession(h, REQUESTS.signingByContent)))!;
    expect(record.signedData).toMatchObject({
      detached: true,
      contentKind: 'document',
      contentSha256: DOC_SHA256,
      name: 'loan.pdf',
      mediaType: 'application/pdf',
    });
    expect(record.signedData.content).toBe(REQUESTS.signingByContent.document.content);
  });

  it('document kept by the bank: only its SHA-256', async () => {
    const { h, evidence } = await evidenceHarness();
    const { record } = (await evidence.recordSession(await endedSession(h, REQUESTS.signingByDigest)))!;
    expect(record.signedData.content).toBeUndefined();
    expect(record.signedData.contentSha256).toBe(DOC_SHA256);
  });
});

describe('no record', () => {
  it('for a failed session (revoked card) and for a pending one', async () => {
    const { h, evidence, sink } = await evidenceHarness();
    const failed = await endedSession(h, REQUESTS.identity, 'revoked');
    expect(failed.status).toBe('failed');
    expect(await evidence.recordSession(failed)).toBeUndefined();
    expect(await evidence.recordSession({ ...failed, status: 'pending' })).toBeUndefined();
    expect(sink.text).toBe('');
  });

  it('without CRL material the record says so instead of inventing it', async () => {
    const { h, evidence } = await evidenceHarness({ withCrls: false });
    const { record } = (await evidence.recordSession(await endedSession(h, REQUESTS.identity)))!;
    expect(record.revocation).toMatchObject({ crls: [], crlMaterial: 'unavailable' });
  });
});
