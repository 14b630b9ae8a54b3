/**
 * runPkitsCase: one PKITS case through the public verifier, reduced to accepted / rejected
 * + the first error code. Trust anchor = certs[0], intermediates = the middle entries, leaf =
 * the last, all the case's CRLs, revocation 'crl' (hard fail), time 2020-01-01T00:00:00Z,
 * profile generic. Anything thrown is a bug (the verifier reports, it does not throw for
 * bad input) and fails the test.
 */
import { createVerifier, fixedClock } from '../../src/index.js';
import { certBytes, crlBytes, type PkitsCase } from './pkits-data.js';

export const PKITS_TIME = new Date('2020-01-01T00:00:00Z');

export interface PkitsOutcome {
  readonly accepted: boolean;
  readonly code?: string;
}

/** Which engine ran the cases, for the printed report. */
export const PKITS_ENGINE = "createVerifier(…, revocation: 'crl').verifyCertificate";

export async function runPkitsCase(c: PkitsCase): Promise<PkitsOutcome> {
  const [anchorName, ...rest] = c.certs;
  const leafName = rest.pop();
  if (!anchorName || !leafName) throw new TypeError(`case ${c.num}: needs an anchor and a leaf`);
  const verifier = createVerifier({
    trustAnchors: [certBytes(anchorName)],
    crls: c.crls.map(crlBytes),
    revocation: 'crl',
    clock: fixedClock(PKITS_TIME),
  });
  const report = await verifier.verifyCertificate({
    certificate: certBytes(leafName),
    // Per-call candidates: one that does not parse (a DSA CA) is ignored with a warning, not fatal.
    intermediates: rest.map(certBytes),
    profile: 'generic',
    at: PKITS_TIME,
  });
  if (report.indication === 'TOTAL_PASSED') return { accepted: true };
  return { accepted: false, code: report.errors[0]?.code ?? `no error code (${report.indication})` };
}
