/**
 * Turning verification results into a session outcome: the hint a UI acts on, and failures the
 * core does not know about (card data, session rules) merged into the report so the RP reads
 * one list of coded errors and never a TOTAL_PASSED for a failed session.
 */
import { ERROR_MESSAGES, GatewayError, type ErrorCode } from '../errors.js';
import { buildReport, errorMessage } from '../report/build-report.js';
import { SUB_INDICATION, indicationFor } from '../report/sub-indication.js';
import type { ReportMessage, ValidationReport } from '../report/types.js';
import type { SessionHint } from './types.js';

const PURPOSE_CODES = new Set<string>([
  'ERR_CERT_WRONG_PURPOSE',
  'ERR_CERT_KEY_USAGE',
  'ERR_CERT_EXT_KEY_USAGE',
  'ERR_CERT_POLICY',
  'ERR_CERT_PROFILE',
]);

export function hintForFailedReport(report: ValidationReport): SessionHint {
  const first = report.errors[0]?.code ?? '';
  if (first.startsWith('ERR_CARD_') || first === 'ERR_MY_NUMBER_CHECK_DIGIT') return 'card_data_invalid';
  switch (report.subIndication) {
    case 'REVOKED':
    case 'REVOKED_NO_POE':
      return 'certificate_revoked';
    case 'EXPIRED':
      return 'certificate_expired';
    case 'NOT_YET_VALID':
      return 'certificate_not_yet_valid';
    case 'TRY_LATER':
      return 'revocation_unavailable';
    case 'NO_CERTIFICATE_CHAIN_FOUND':
    case 'CERTIFICATE_CHAIN_GENERAL_FAILURE':
    case 'CHAIN_CONSTRAINTS_FAILURE':
      return 'certificate_not_trusted';
    default:
      return PURPOSE_CODES.has(first) ? 'certificate_not_accepted' : 'signature_invalid';
  }
}

const isErrorCode = (c: string): c is ErrorCode => Object.hasOwn(ERROR_MESSAGES, c);

/** The report with more errors; a passed report becomes failed per the first added code. */
export function withErrors(report: ValidationReport, added: readonly ReportMessage[]): ValidationReport {
  if (added.length === 0) return report;
  const errors = [...report.errors, ...added];
  if (report.indication !== 'TOTAL_PASSED') return { ...report, errors };
  const firstCode = added[0]!.code;
  const sub = isErrorCode(firstCode) ? SUB_INDICATION[firstCode] : 'SIG_CONSTRAINTS_FAILURE';
  return { ...report, errors, indication: indicationFor(sub), subIndication: sub };
}

/** A report for a session refused before any signature could be verified. */
export function sessionErrorReport(code: ErrorCode, at: Date): ValidationReport {
  return buildReport({
    profile: 'jpki-signing',
    validationTime: at.getTime(),
    error: new GatewayError(code),
    revocation: { status: 'not_checked', source: 'none', policy: 'not reached' },
  });
}

export { errorMessage };
