/**
 * buildEvidenceRecord: the 犯収法 record of a completed session — method, times, identity
 * items, certificate and chain, the signed data (or its hash when the RP kept the document),
 * the revocation evidence the verifier used (its CRLs archived now, before a refresh replaces
 * them, or the OCSP response bytes), the report and the policy, tenant and reference.
 * Sessions that did not complete with TOTAL_PASSED have no record (undefined).
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import { parseSignedData } from '../cms/parse-signed-data.js';
import { parseCertificate } from '../pki/certificate.js';
import { nameToString, parseNameDer } from '../pki/name.js';
import type { ValidationReport } from '../report/types.js';
import type { SessionRecord, StoredResult } from '../sessions/types.js';
import type { CaCertificateBook } from './ca-certificates.js';
import type { CrlMaterial } from './crl-material.js';
import { peekCrlHeader } from './peek-crl-header.js';
import { retainUntil } from './retention.js';
import { EVIDENCE_FORMAT, JPKI_METHOD, type ArchivedCrlRef, type EvidenceRecord, type EvidenceStore } from './types.js';

export interface BuildEvidenceDeps {
  readonly clock: Clock;
  readonly retentionYears: number;
  readonly caCertificates: CaCertificateBook;
  /** Absent: CRL-based records say crlMaterial 'unavailable'. */
  readonly crlMaterial?: CrlMaterial;
  /** Where CRLs are archived. */
  readonly store: Pick<EvidenceStore, 'putCrl'>;
}

const sha256Hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** The result's certificate DER: a CertificateSummary (`der`) or, in older records, base64. */
function certificateDerOf(result: StoredResult): string | undefined {
  const c = result.certificate as unknown;
  if (typeof c === 'string') return c;
  if (c && typeof c === 'object' && typeof (c as { der?: unknown }).der === 'string') return (c as { der: string }).der;
  return undefined;
}

function signedDataOf(r: SessionRecord, signature: string): EvidenceRecord['signedData'] {
  const detached = parseSignedData(Buffer.from(signature, 'base64'), 64).eContent === undefined;
  if (r.type === 'identity') {
    const content = Buffer.from(r.statement ?? '', 'utf8');
    return { signature, detached, contentKind: 'statement', content: b64(content), contentSha256: sha256Hex(content) };
  }
  const doc = r.document;
  if (!doc) throw new TypeError('a signing session without its document');
  return {
    signature,
    detached,
    contentKind: 'document',
    ...(doc.content !== undefined ? { content: doc.content } : {}),
    contentSha256: Buffer.from(doc.digest, 'base64').toString('hex'),
    name: doc.name,
    mediaType: doc.mediaType,
  };
}

async function archiveCrls(
  deps: BuildEvidenceDeps,
  report: ValidationReport,
  issuerDer: Uint8Array,
  certificate: Uint8Array,
): Promise<Pick<EvidenceRecord['revocation'], 'crls' | 'crlMaterial'>> {
  const facts = report.revocation;
  if (facts.source !== 'crl' || !facts.thisUpdate) return { crls: [], crlMaterial: 'not-applicable' };
  const found = deps.crlMaterial
    ? await deps.crlMaterial.find({ issuerDer, crlNumber: facts.crlNumber, thisUpdate: facts.thisUpdate, certificate })
    : [];
  const crls: ArchivedCrlRef[] = [];
  for (const der of found) {
    const h = peekCrlHeader(der);
    crls.push({
      sha256: await deps.store.putCrl(der),
      issuer: nameToString(parseNameDer(h.issuerDer)),
      ...(h.crlNumber !== undefined ? { crlNumber: h.crlNumber.toString() } : {}),
      thisUpdate: h.thisUpdate.toISOString(),
      ...(h.nextUpdate ? { nextUpdate: h.nextUpdate.toISOString() } : {}),
    });
  }
  return { crls, crlMaterial: crls.length ? 'archived' : 'unavailable' };
}

export async function buildEvidenceRecord(
  deps: BuildEvidenceDeps,
  r: SessionRecord,
): Promise<EvidenceRecord | undefined> {
  const result = r.result;
  if (r.status !== 'completed' || !result || result.report.indication !== 'TOTAL_PASSED') return undefined;
  const report = result.report;
  const certDer = certificateDerOf(result);
  if (!certDer || !report.signer || !result.signature) return undefined;
  const leafDer = new Uint8Array(Buffer.from(certDer, 'base64'));
  const leaf = parseCertificate(leafDer);
  const facts = report.signer.certificate;
  const chain = report.signer.chain.map((c) => {
    const der = deps.caCertificates.get(c.sha256);
    return { sha256: c.sha256, subject: c.subject, ...(der ? { der } : {}) };
  });
  const now = deps.clock.now();
  const ocsp = (report.revocation as { ocspResponse?: unknown }).ocspResponse;
  return {
    format: EVIDENCE_FORMAT,
    id: result.evidenceId,
    tenantId: r.tenantId,
    sessionId: r.id,
    sessionType: r.type,
    ...(r.reference !== undefined ? { reference: r.reference } : {}),
    method: JPKI_METHOD,
    purpose: r.purpose,
    origin: r.origin,
    times: {
      sessionCreatedAt: r.createdAt,
      completedAt: r.updatedAt,
      signingTime: report.signingTime,
      validationTime: report.validationTime,
      recordedAt: now.toISOString(),
      retainUntil: retainUntil(now, deps.retentionYears).toISOString(),
    },
    identity: result.identity,
    certificate: {
      der: certDer,
      sha256: facts.sha256,
      serialNumber: facts.serialNumber,
      issuer: facts.issuer,
      subject: facts.subject,
      notBefore: facts.notBefore,
      notAfter: facts.notAfter,
    },
    chain,
    signedData: signedDataOf(r, result.signature),
    revocation: {
      facts: report.revocation,
      ...(await archiveCrls(deps, report, leaf.issuer.der, leafDer)),
      ...(typeof ocsp === 'string' ? { ocspResponse: ocsp } : {}),
    },
    report,
    policy: {
      profile: report.profile,
      revocation: report.revocation.policy,
      trustAnchorSha256: report.signer.chain.at(-1)?.sha256 ?? null,
      certificatePolicies: facts.policies,
    },
  };
}
