/** `jpki-gateway verify`: a CMS SignedData file (attached or detached with --content). */
import { createVerifier } from '../verifier/create-verifier.js';
import { COMMON_OPTIONS, parseCommand } from './verify-options.js';
import { parseAt, parseProfile, readDerFiles, readRaw, readSubject, UsageError, type Io } from './io.js';
import { printReport } from './print-report.js';

const OPTIONS = { ...COMMON_OPTIONS, content: { type: 'string' }, ocsp: { type: 'string' } } as const;

export async function runVerify(args: string[], io: Io): Promise<number> {
  const { values: v, file } = parseCommand(args, OPTIONS, 'SIGNATURE_FILE');
  const profile = parseProfile(v.profile);
  const at = parseAt(v.at);
  if (v.ocsp !== undefined && v['no-revocation']) throw new UsageError('--ocsp and --no-revocation exclude each other');
  const crls = await readDerFiles(v.crl);
  const trust = await readDerFiles(v.trust);
  const verifier = createVerifier({
    ...(trust.length ? { trustAnchors: trust } : {}),
    intermediates: await readDerFiles(v.intermediate),
    crls,
    revocation: v['no-revocation'] ? 'none' : v.ocsp !== undefined ? (crls.length ? 'ocsp-then-crl' : 'ocsp') : 'crl',
    ...(v.ocsp !== undefined ? { ocspUrl: v.ocsp } : {}),
  });
  const report = await verifier.verifySignature({
    signature: await readSubject(file),
    ...(v.content !== undefined ? { content: await readRaw(v.content) } : {}),
    profile,
    ...(at ? { at } : {}),
  });
  return printReport(report, v.json, io);
}
