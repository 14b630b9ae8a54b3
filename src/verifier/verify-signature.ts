/**
 * verifySignature: CMS SignedData (attached / detached) or a raw signature value + certificate
 * + digest, through the fixed pipeline (architecture.md). Never throws for bad input: the
 * report says what failed. Throws TypeError only for caller bugs.
 */
import { GatewayError, isGatewayError } from '../errors.js';
import { verifySignedData } from '../cms/verify-signed-data.js';
import { verifyRawSignature } from '../cms/verify-raw-signature.js';
import type { Certificate } from '../pki/certificate.js';
import { parseCertificate } from '../pki/certificate.js';
import { buildReport } from '../report/build-report.js';
import type { Profile, ReportMessage, ValidationReport } from '../report/types.js';
import type { SignerContext } from './validate-signer.js';
import { validateSigner } from './validate-signer.js';
import { checkAt, checkBytes, checkProfile } from './caller-checks.js';
import type { VerifySignatureInput } from './types.js';

interface SignatureStage {
  readonly signer: Certificate;
  readonly extraIntermediates: readonly Certificate[];
  readonly signingTime: Date | undefined;
  readonly warnings: readonly ReportMessage[];
}

export function verifySignature(
  ctx: SignerContext,
  now: () => Date,
  input: VerifySignatureInput,
): ValidationReport | Promise<ValidationReport> {
  if (typeof input !== 'object' || input === null) throw new TypeError('verifySignature: input must be an object');
  const profile: Profile = checkProfile(input.profile);
  const at = checkAt(input.at, now);
  let stage: SignatureStage;
  try {
    stage = 'signature' in input ? cmsStage(input) : rawStage(input);
  } catch (e) {
    if (e instanceof TypeError) throw e;
    const error = isGatewayError(e) ? e : new GatewayError('ERR_INTERNAL', (e as Error)?.message, { cause: e });
    return buildReport({
      profile,
      validationTime: at,
      error,
      signerCertificate: signerForReport(input),
      revocation: { status: 'not_checked', source: 'none', policy: ctx.revocation },
    });
  }
  return validateSigner(ctx, { ...stage, profile, at });
}

function cmsStage(input: Extract<VerifySignatureInput, { signature: Uint8Array }>): SignatureStage {
  checkBytes(input.signature, 'signature');
  if (input.content !== undefined) checkBytes(input.content, 'content');
  const v = verifySignedData({ unverifiedSignature: input.signature, content: input.content });
  return {
    signer: v.signerCertificate,
    extraIntermediates: v.certificates.filter((c) => c !== v.signerCertificate),
    signingTime: v.signingTime,
    warnings: v.warnings,
  };
}

function rawStage(input: Extract<VerifySignatureInput, { signatureValue: Uint8Array }>): SignatureStage {
  checkBytes(input.signatureValue, 'signatureValue');
  checkBytes(input.certificate, 'certificate');
  checkBytes(input.digest, 'digest');
  const v = verifyRawSignature({
    unverifiedSignatureValue: input.signatureValue,
    unverifiedCertificate: input.certificate,
    digest: input.digest,
    digestAlgorithm: input.digestAlgorithm,
  });
  return { signer: v.signerCertificate, extraIntermediates: [], signingTime: undefined, warnings: [] };
}

/** For a failed raw signature the presented certificate is still worth showing, if it parses. */
function signerForReport(input: VerifySignatureInput): Certificate | undefined {
  if (!('certificate' in input)) return undefined;
  try {
    return parseCertificate(input.certificate);
  } catch {
    return undefined;
  }
}
