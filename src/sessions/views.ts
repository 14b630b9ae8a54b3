/** Record → what the RP and the widget may see (never the client token hash, nonce or prepared bytes). */
import { parseCertificate } from '../pki/certificate.js';
import { certificateFacts } from '../report/build-report.js';
import type { ValidationReport } from '../report/types.js';
import type { CertificateSummary, ClientSessionView, SessionRecord, SessionView } from './types.js';

export function sessionView(r: SessionRecord, myNumberAvailable: boolean): SessionView {
  const res = r.result;
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    ...(r.hint ? { hint: r.hint } : {}),
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    purpose: r.purpose,
    origin: r.origin,
    include: r.include,
    ...(r.reference !== undefined ? { reference: r.reference } : {}),
    ...(res
      ? {
          result: {
            report: res.report,
            ...(res.identity ? { identity: res.identity } : {}),
            ...(res.certificate ? { certificate: res.certificate } : {}),
            evidenceId: res.evidenceId,
            ...(res.signature ? { signature: res.signature } : {}),
            myNumberAvailable,
          },
        }
      : {}),
    ...(r.status === 'failed' && res ? { errors: res.report.errors } : {}),
  };
}

/** Computed once at completion: from the report's facts when it has them, else by parsing. */
export function certificateSummary(der: Uint8Array, report: ValidationReport): CertificateSummary | null {
  let facts = report.signer?.certificate;
  if (!facts) {
    try {
      facts = certificateFacts(parseCertificate(der));
    } catch {
      return null; // not even a certificate: the report says why
    }
  }
  const { sha256, serialNumber, issuer, subject, notBefore, notAfter } = facts;
  return { sha256, serialNumber, issuer, subject, notBefore, notAfter, der: Buffer.from(der).toString('base64') };
}

export function clientSessionView(r: SessionRecord): ClientSessionView {
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    ...(r.hint ? { hint: r.hint } : {}),
    rp: { name: r.rpName },
    origin: r.origin,
    purpose: r.purpose,
    ...(r.statement !== undefined ? { statement: r.statement } : {}),
    ...(r.document ? { document: r.document } : {}),
    shares: r.include,
    expiresAt: r.expiresAt,
    ...(r.cardChallenge ? { cardChallenge: r.cardChallenge } : {}),
  };
}
