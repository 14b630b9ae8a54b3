/** Human and JSON renderings of a report, and the exit status it implies. */
import type { ValidationReport } from '../report/types.js';
import type { Io } from './io.js';

export function exitStatus(report: ValidationReport): number {
  return report.indication === 'TOTAL_PASSED' ? 0 : report.indication === 'TOTAL_FAILED' ? 1 : 3;
}

export function printReport(report: ValidationReport, json: boolean, io: Io): number {
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return exitStatus(report);
  }
  const sub = report.subIndication ? ` / ${report.subIndication}` : '';
  io.out(`${report.indication}${sub}  (profile ${report.profile}, at ${report.validationTime})`);
  for (const e of report.errors) io.out(`  error   ${e.code}: ${e.message}`);
  for (const w of report.warnings) io.out(`  warning ${w.code}: ${w.message}`);
  const s = report.signer;
  if (s) {
    io.out(`  subject ${s.certificate.subject}`);
    io.out(`  issuer  ${s.certificate.issuer}  serial ${s.certificate.serialNumber}`);
    io.out(`  valid   ${s.certificate.notBefore} → ${s.certificate.notAfter}`);
    const id = s.identity as { name?: string; birthDate?: string; sex?: string; address?: string } | null;
    if (id) io.out(`  identity ${id.name ?? ''} / ${id.birthDate ?? ''} / ${id.sex ?? ''} / ${id.address ?? ''}`);
  }
  const r = report.revocation;
  io.out(
    `  revocation ${r.status} (source ${r.source}${r.reason ? `, ${r.reason}` : ''}${r.revokedAt ? ` at ${r.revokedAt}` : ''})`,
  );
  if (report.signingTime) io.out(`  signingTime (claimed) ${report.signingTime}`);
  return exitStatus(report);
}
