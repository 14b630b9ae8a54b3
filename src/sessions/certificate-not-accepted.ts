/**
 * data-to-sign refuses a certificate that is not a JPKI signing certificate of the configured
 * trust. The report travels with the error: it is about the certificate the user's own card
 * presented, and the widget needs its codes to say "use the signing certificate".
 */
import { GatewayError } from '../errors.js';
import type { ValidationReport } from '../report/types.js';

export class CertificateNotAcceptedError extends GatewayError {
  readonly report: ValidationReport;

  constructor(report: ValidationReport) {
    super('ERR_SESSION_CERTIFICATE_NOT_ACCEPTED', report.errors.map((e) => e.code).join(', '));
    this.report = report;
  }
}
