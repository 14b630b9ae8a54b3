/** `jpki-gateway verify-certificate`: path validation + revocation of one certificate. */
import { createVerifier } from '../verifier/create-verifier.js';
import { COMMON_OPTIONS, parseCommand } from './verify-options.js';
import { parseAt, parseProfile, readDerFiles, readSubject, UsageError, type Io } from './io.js';
import { printReport } from './print-report.js';

const OPTIONS = { ...COMMON_OPTIONS, 'max-depth': { type: 'string' } } as const;

export async function runVerifyCertificate(args: string[], io: Io): Promise<number> {
  const { values: v, file } = parseCommand(args, OPTIONS, 'CERT_FILE');
  const profile = parseProfile(v.profile);
  const at = parseAt(v.at);
  let maxDepth: number | undefined;
  if (v['max-depth'] !== undefined) {
    maxDepth = Number(v['max-depth']);
    if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > 16) throw new UsageError('--max-depth must be 0..16');
  }
  const trust = await readDerFiles(v.trust);
  if (profile === 'generic' && trust.length === 0) throw new UsageError('--profile generic needs --trust');
  const verifier = createVerifier({
    ...(trust.length ? { trustAnchors: trust } : {}),
    intermediates: await readDerFiles(v.intermediate),
    crls: await readDerFiles(v.crl),
    revocation: v['no-revocation'] ? 'none' : 'crl',
  });
  const report = await verifier.verifyCertificate({
    certificate: await readSubject(file),
    profile,
    ...(at ? { at } : {}),
    ...(maxDepth !== undefined ? { maxDepth } : {}),
  });
  return printReport(report, v.json, io);
}
