/**
 * Completed sessions for evidence tests: the session verbs in-process (test/sessions harness:
 * memory stores, the default sandbox J-LIS, cards 'sessions/*' at SANDBOX_CARD_AT), and an
 * evidence service over the same sandbox material (roots as the CA book, the harness's CRL
 * as the CRL list). Nothing stored; everything derived on each run.
 */
import { createHash } from 'node:crypto';
import { createChainedAuditLog, type ChainedAuditLog } from '../../src/audit/chain/create-chained-audit-log.js';
import { createMemoryChainSink, type MemoryChainSink } from '../../src/audit/chain/memory-chain-sink.js';
import { createCaCertificateBook } from '../../src/evidence/ca-certificates.js';
import { createCrlListMaterial } from '../../src/evidence/crl-material.js';
import { createEvidenceService, type EvidenceService } from '../../src/evidence/create-evidence-service.js';
import { createMemoryEvidenceStore } from '../../src/evidence/memory/memory-evidence-store.js';
import type { EvidenceStore } from '../../src/evidence/types.js';
import type { CreateSessionRequest, SessionRecord } from '../../src/sessions/types.js';
import {
  ORIGIN,
  TENANT,
  card,
  cardData,
  cardSign,
  certB64,
  currentCrl,
  harness,
  type Harness,
} from '../sessions/fixtures.js';

export const DOC = Buffer.from('%PDF-1.7 金銭消費貸借契約書 (sandbox evidence)');
export const DOC_SHA256 = createHash('sha256').update(DOC).digest('hex');

export const REQUESTS = {
  identity: {
    type: 'identity',
    purpose: '証券口座の開設',
    origin: ORIGIN,
    include: ['basic4'],
    reference: 'app-0001',
  },
  signingByContent: {
    type: 'signing',
    purpose: '金銭消費貸借契約の締結',
    origin: ORIGIN,
    document: { name: 'loan.pdf', content: DOC.toString('base64'), mediaType: 'application/pdf' },
  },
  signingByDigest: {
    type: 'signing',
    purpose: '金銭消費貸借契約の締結',
    origin: ORIGIN,
    document: { name: 'loan.pdf', digest: createHash('sha256').update(DOC).digest('base64') },
  },
} satisfies Record<string, CreateSessionRequest>;

/** Runs one session to its end with a sandbox card; returns the stored record. */
export async function endedSession(
  h: Harness,
  req: CreateSessionRequest,
  which: 'valid' | 'revoked' = 'valid',
): Promise<SessionRecord> {
  const c = card(which);
  const created = await h.service.create(TENANT, req);
  const view = await h.service.clientSession(created.clientToken);
  const dts = await h.service.dataToSign(created.clientToken, certB64(c.signing.der));
  await h.service.submitSignature(created.clientToken, {
    signatureValue: cardSign(c, dts.digestInfo),
    ...(view.cardChallenge ? { cardData: cardData(c, view.cardChallenge) } : {}),
  });
  return (await h.stores.sessions.get(TENANT.id, created.id))!.record;
}

export interface EvidenceHarness {
  readonly h: Harness;
  readonly store: EvidenceStore;
  readonly sink: MemoryChainSink;
  readonly audit: ChainedAuditLog;
  readonly evidence: EvidenceService;
}

export async function evidenceHarness(
  o: { store?: EvidenceStore; retentionYears?: number; withCrls?: boolean } = {},
): Promise<EvidenceHarness> {
  const h = harness();
  const c = card('valid');
  const store = o.store ?? createMemoryEvidenceStore();
  const sink = createMemoryChainSink();
  const audit = await createChainedAuditLog({ sink, clock: h.clock });
  const evidence = createEvidenceService({
    store,
    clock: h.clock,
    caCertificates: createCaCertificateBook([c.signing.issuer.der, c.authentication.issuer.der]),
    ...(o.withCrls === false ? {} : { crlMaterial: createCrlListMaterial(() => [currentCrl()]) }),
    ...(o.retentionYears ? { retentionYears: o.retentionYears } : {}),
    audit,
  });
  return { h, store, sink, audit, evidence };
}

export const chainTypes = (sink: MemoryChainSink): string[] =>
  sink.text
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { type: string }).type);
