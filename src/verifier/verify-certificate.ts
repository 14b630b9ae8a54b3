/** verifyCertificate: path validation + revocation (+ identity for jpki-signing) of one certificate. */
import { GatewayError, isGatewayError } from '../errors.js';
import { parseCertificate, type Certificate } from '../pki/certificate.js';
import { buildReport } from '../report/build-report.js';
import type { ReportMessage, ValidationReport } from '../report/types.js';
import { checkAt, checkBytes, checkProfile } from './caller-checks.js';
import { validateSigner, type SignerContext } from './validate-signer.js';
import type { VerifyCertificateInput } from './types.js';

export function verifyCertificate(
  ctx: SignerContext,
  now: () => Date,
  input: VerifyCertificateInput,
): ValidationReport | Promise<ValidationReport> {
  if (typeof input !== 'object' || input === null) throw new TypeError('verifyCertificate: input must be an object');
  checkBytes(input.certificate, 'certificate');
  const profile = checkProfile(input.profile);
  const at = checkAt(input.at, now);
  if (input.maxDepth !== undefined && (!Number.isInteger(input.maxDepth) || input.maxDepth < 0)) {
    throw new TypeError('maxDepth must be a non-negative integer');
  }
  const warnings: ReportMessage[] = [];
  const extra: Certificate[] = [];
  for (const [i, der] of (input.intermediates ?? []).entries()) {
    checkBytes(der, `intermediates[${i}]`);
    try {
      extra.push(parseCertificate(der));
    } catch (e) {
      if (!isGatewayError(e)) throw e;
      warnings.push({ code: 'WARN_INTERMEDIATE_IGNORED', message: `intermediates[${i}] is unusable: ${e.code}` });
    }
  }
  let leaf: Certificate;
  try {
    leaf = parseCertificate(input.certificate);
  } catch (e) {
    const error = isGatewayError(e) ? e : new GatewayError('ERR_INTERNAL', (e as Error)?.message, { cause: e });
    return buildReport({
      profile,
      validationTime: at,
      error,
      warnings,
      revocation: { status: 'not_checked', source: 'none', policy: ctx.revocation },
    });
  }
  return validateSigner(ctx, {
    signer: leaf,
    extraIntermediates: extra,
    profile,
    at,
    signingTime: undefined,
    warnings,
    maxDepth: input.maxDepth,
    keyUsage: input.keyUsage,
    extendedKeyUsage: input.extendedKeyUsage,
  });
}
