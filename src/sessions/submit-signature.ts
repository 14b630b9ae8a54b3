/**
 * submitSignature (POST /v1/client/session/signature), step two: everything single-use is
 * consumed atomically (works across replicas sharing one store) in this order — the signature
 * value (SET NX: a replay is refused and changes nothing), the client token (GETDEL: one
 * submission per session), the nonce and the card challenge (GETDEL) — then the core verifies,
 * the card data is verified and cross-checked with the signing certificate, the My Number is
 * sealed into the vault, and the session completes or fails with the report. After the client
 * token is taken the session always ends: a fault fails it closed.
 */
import { GatewayError, isGatewayError, type ErrorCode } from '../errors.js';
import type { MyNumber } from '../identity/my-number/my-number.js';
import type { ValidationReport } from '../report/types.js';
import type { SessionDeps } from './deps.js';
import { newEvidenceId } from './ids.js';
import { cardChallengeKey, clientTokenKey, nonceKey, signatureKey } from './keys.js';
import { errorMessage, hintForFailedReport, sessionErrorReport, withErrors } from './outcome.js';
import type { StoredSession } from './ports.js';
import { readSubmission, type CardDataInput, type ReadSubmission } from './read-submission.js';
import { applyTransition, loadClientSession } from './session-access.js';
import type { SessionHint, SessionRecord, StoredResult, SubmissionOutcome } from './types.js';
import { verifySubmission } from './verify-submission.js';
import { certificateSummary } from './views.js';

interface Decision {
  readonly status: 'completed' | 'failed';
  readonly result: StoredResult;
  readonly hint: SessionHint | undefined;
  readonly myNumber: MyNumber | undefined;
}

export async function submitSignature(
  deps: SessionDeps,
  clientToken: unknown,
  body: unknown,
): Promise<SubmissionOutcome> {
  const stored = await loadClientSession(deps, clientToken);
  const r = stored.record;
  const read = readSubmission(r, body);
  const replayWindowMs = (deps.limits.maxTtlSeconds + 2 * deps.limits.clockSkewSeconds) * 1000;
  if (!(await deps.singleUse.putIfAbsent(signatureKey(read.replayValue), r.id, replayWindowMs)))
    throw new GatewayError('ERR_SESSION_SIGNATURE_REPLAYED');
  if ((await deps.singleUse.take(clientTokenKey(clientToken as string))) === undefined)
    throw new GatewayError('ERR_SESSION_CLIENT_TOKEN', 'already used');
  let decision: Decision;
  try {
    decision = await decide(deps, r, read);
  } catch (e) {
    // Fail closed: the token is spent, so the session must not stay pending for nobody.
    const code: ErrorCode = isGatewayError(e) ? e.code : 'ERR_INTERNAL';
    await finish(deps, stored, failed(sessionErrorReport(code, deps.clock.now()), undefined, null)).catch(
      () => undefined,
    );
    throw e;
  }
  return finish(deps, stored, decision);
}

async function decide(deps: SessionDeps, r: SessionRecord, read: ReadSubmission): Promise<Decision> {
  const now = deps.clock.now();
  if ((await deps.singleUse.take(nonceKey(r.tenantId, r.id))) !== r.nonce)
    return failed(sessionErrorReport('ERR_SESSION_NONCE_USED', now), undefined, null);
  let challenge: string | undefined;
  if (read.cardData) {
    challenge = await deps.singleUse.take(cardChallengeKey(r.tenantId, r.id));
    if (challenge === undefined || challenge !== r.cardChallenge)
      return failed(sessionErrorReport('ERR_SESSION_CHALLENGE_USED', now), undefined, null);
  }
  const v = await verifySubmission(deps, r, read.submission);
  const signature = Buffer.from(v.cms).toString('base64');
  if (v.report.indication !== 'TOTAL_PASSED') return failed(v.report, v.certificate, signature);
  if (v.sessionError) return failed(withErrors(v.report, [errorMessage(v.sessionError)]), v.certificate, signature);
  let myNumber: MyNumber | undefined;
  if (read.cardData && challenge !== undefined) {
    const card = await verifyCard(deps, read.cardData, challenge, v.certificate);
    if (card.status === 'failed') return failed(withErrors(v.report, card.errors), v.certificate, signature);
    myNumber = card.myNumber;
  }
  const basic4 = r.include.includes('basic4');
  const report: ValidationReport =
    basic4 || !v.report.signer ? v.report : { ...v.report, signer: { ...v.report.signer, identity: null } };
  return {
    status: 'completed',
    hint: undefined,
    myNumber,
    result: {
      report,
      identity: basic4 ? (v.report.signer?.identity ?? null) : null,
      certificate: v.certificate ? certificateSummary(v.certificate, v.report) : null,
      signature,
      evidenceId: newEvidenceId(),
      myNumberStored: myNumber !== undefined,
    },
  };
}

function verifyCard(deps: SessionDeps, card: CardDataInput, challenge: string, certificate: Uint8Array | undefined) {
  return deps.verifier.verifyCardData({
    textAp: card.textAp,
    challenge: Buffer.from(challenge, 'base64'),
    challengeSignature: card.challengeSignature,
    ...(certificate ? { signingCertificate: certificate } : {}),
  });
}

function failed(report: ValidationReport, certificate: Uint8Array | undefined, signature: string | null): Decision {
  return {
    status: 'failed',
    hint: hintForFailedReport(report),
    myNumber: undefined,
    // A failed session shares no identity: the report keeps the signer facts, not the basic four.
    result: {
      report: report.signer ? { ...report, signer: { ...report.signer, identity: null } } : report,
      identity: null,
      certificate: certificate ? certificateSummary(certificate, report) : null,
      signature,
      evidenceId: newEvidenceId(),
      myNumberStored: false,
    },
  };
}

async function finish(deps: SessionDeps, stored: StoredSession, d: Decision): Promise<SubmissionOutcome> {
  const ref = { tenantId: stored.record.tenantId, sessionId: stored.record.id };
  const completed = d.status === 'completed' && d.result.report.indication === 'TOTAL_PASSED';
  // Sealed before the session says "completed", so a completed session never lacks its number.
  if (d.myNumber) await deps.vault.store(ref, d.myNumber);
  let current: StoredSession | undefined = stored;
  for (let attempt = 0; current && current.record.status === 'pending' && attempt < 3; attempt++) {
    const written = await applyTransition(deps, current, completed ? 'complete' : 'fail', d.hint, { result: d.result });
    if (written) return completed ? { status: 'completed' } : { status: 'failed', ...(d.hint ? { hint: d.hint } : {}) };
    // A concurrent data-to-sign bumped the version: the outcome stands, write it on the fresh record.
    current = await deps.sessions.get(ref.tenantId, ref.sessionId);
  }
  if (d.myNumber) await deps.vault.discard(ref);
  throw new GatewayError('ERR_SESSION_STATE', 'the session ended concurrently');
}
