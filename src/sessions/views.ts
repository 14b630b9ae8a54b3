/** Record → what the RP and the widget may see (never the client token hash, nonce or prepared bytes). */
import { parseCertificate } from '../pki/certificate.js';
import { certificateFacts } from '../report/build-report.js';
import type { CertificateSummary, ClientSessionView, SessionRecord, SessionView } from './types.js';

export function sessionView(r: SessionRecord, myNumberAvailable: boolean): SessionView {
  const res = r.result;
  const certificate = res?.certificate ? certificateSummary(res.certificate) : undefined;
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
            ...(certificate ? { certificate } : {}),
            evidenceId: res.evidenceId,
            ...(res.signature ? { signature: res.signature } : {}),
            myNumberAvailable,
          },
        }
      : {}),
    ...(r.status === 'failed' && res ? { errors: res.report.errors } : {}),
  };
}

function certificateSummary(derB64: string): CertificateSummary | undefined {
  try {
    const f = certificateFacts(parseCertificate(Buffer.from(derB64, 'base64')));
    const { sha256, serialNumber, issuer, subject, notBefore, notAfter } = f;
    return { sha256, serialNumber, issuer, subject, notBefore, notAfter, der: derB64 };
  } catch {
    return undefined; // stored only after it parsed once; never fail a read over it
  }
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
