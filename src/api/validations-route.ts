/**
 * POST /v1/validations (scope verify): base64 in, the verifier's report out — 200 whatever
 * the signature's outcome (contract §5). The handler only translates; the verifier decides.
 */
import type { GatewayMetrics } from '../observability/metrics.js';
import type { Verifier, VerifySignatureInput } from '../verifier/types.js';
import type { ApiRouter } from './api-router.js';
import { decodeBase64Strict } from './base64.js';
import { ApiError } from './http-errors.js';
import type { RequestBody } from './operation-types.js';

const b64 = (s: string): Uint8Array => {
  const buf = Buffer.from(s, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
};

export function toVerifyInput(body: RequestBody<'createValidation'>): VerifySignatureInput {
  const at = body.validationTime === undefined ? undefined : new Date(body.validationTime);
  const common = { ...(body.profile ? { profile: body.profile } : {}), ...(at ? { at } : {}) };
  if ('signature' in body) {
    if (body.signature === '') throw new ApiError('ERR_VALIDATION', 'body/signature must not be empty');
    return {
      signature: decodeBase64Strict(body.signature, 'body/signature'),
      ...(body.content !== undefined ? { content: decodeBase64Strict(body.content, 'body/content') } : {}),
      ...common,
    };
  }
  return {
    signatureValue: b64(body.signatureValue),
    certificate: b64(body.certificate),
    digest: b64(body.digest),
    digestAlgorithm: body.digestAlgorithm,
    ...common,
  };
}

export function registerValidations(router: ApiRouter, verifier: Verifier, metrics: GatewayMetrics): void {
  router.route('createValidation', async (request) => {
    let report;
    try {
      report = await verifier.verifySignature(toVerifyInput(request.body));
    } catch (e) {
      // The verifier throws TypeError only for caller bugs; the one a client can cause is
      // profile 'generic' on a deployment without configured trust anchors (contract §2).
      if (e instanceof TypeError && request.body.profile === 'generic') {
        throw new ApiError(
          'ERR_VALIDATION',
          "profile 'generic' needs trust anchors configured (GATEWAY_TRUST_ANCHORS)",
        );
      }
      throw e;
    }
    metrics.validationOutcomes.inc({ indication: report.indication, sub_indication: report.subIndication ?? 'none' });
    return report;
  });
}
