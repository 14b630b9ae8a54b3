/**
 * The second half of the pipeline, shared by signatures and bare certificates:
 * path to a root of the right store → revocation → identity → report.
 */
import { GatewayError, isGatewayError } from '../errors.js';
import type { Certificate } from '../pki/certificate.js';
import type { KeyUsageName } from '../pki/extensions.js';
import { pathElements, validatePath } from '../path/index.js';
import type { TrustStore } from '../trust/index.js';
import { extractIdentity } from '../identity/extract-identity.js';
import { buildReport } from '../report/build-report.js';
import type { Profile, ReportMessage, RevocationFacts, ValidationReport } from '../report/types.js';
import { checkPathRevocation, type RevocationOutcome } from './check-path-revocation.js';
import type { CrlStore } from './crl-store.js';
import type { RevocationMethod } from './types.js';
import type { OcspChecker } from '../revocation/ocsp/index.js';
import type { CrlAnswerSource } from '../revocation/manager/index.js';

export interface SignerContext {
  readonly anchors: TrustStore;
  readonly intermediates: readonly Certificate[];
  readonly crls: CrlStore;
  readonly revocation: RevocationMethod;
  readonly ocsp: OcspChecker;
  readonly crlManager: CrlAnswerSource | undefined;
  readonly allowedPolicies: readonly string[] | undefined;
}

export interface SignerInput {
  readonly signer: Certificate;
  readonly extraIntermediates: readonly Certificate[];
  readonly profile: Profile;
  readonly at: number;
  readonly signingTime: Date | undefined;
  readonly warnings: readonly ReportMessage[];
  readonly maxDepth?: number | undefined;
  readonly keyUsage?: readonly KeyUsageName[] | undefined;
  readonly extendedKeyUsage?: readonly string[] | undefined;
}

const NOT_REACHED = (policy: string): RevocationFacts => ({ status: 'not_checked', source: 'none', policy });

export const REVOCATION_OPT_OUT_WARNING: ReportMessage = {
  code: 'WARN_REVOCATION_NOT_CHECKED',
  message: 'revocation was not checked: named opt-out (revocation: none / --no-revocation)',
};

/** Synchronous in the steady state; a promise only while CRLs are first being bound. */
export function validateSigner(ctx: SignerContext, input: SignerInput): ValidationReport | Promise<ValidationReport> {
  const policy = ctx.revocation === 'none' ? 'none (opt-out)' : ctx.revocation;
  const warnings: ReportMessage[] = [...input.warnings];
  const base = {
    profile: input.profile,
    validationTime: input.at,
    signingTime: input.signingTime,
    signerCertificate: input.signer,
    warnings,
  };
  let chain: readonly Certificate[] = [];
  // Caller mistakes were rejected before the pipeline; anything else unexpected fails closed.
  const failed = (e: unknown): ValidationReport => {
    const error = isGatewayError(e) ? e : new GatewayError('ERR_INTERNAL', (e as Error)?.message, { cause: e });
    return buildReport({ ...base, chain, error, revocation: NOT_REACHED(policy) });
  };
  const finish = (rev: RevocationOutcome): ValidationReport => {
    try {
      if (!rev.ok) {
        return buildReport({
          ...base,
          chain,
          error: rev.error,
          revokedWithoutPoe: rev.revokedWithoutPoe,
          revocation: rev.facts,
        });
      }
      let identity: Record<string, unknown> | null = null;
      if (input.profile === 'jpki-signing') {
        const extracted = extractIdentity(input.signer);
        identity = { ...extracted.identity };
        warnings.push(...extracted.warnings);
      }
      return buildReport({ ...base, chain, identity, revocation: rev.facts });
    } catch (e) {
      return failed(e);
    }
  };
  try {
    const path = validatePath({
      leaf: input.signer,
      intermediates: input.extraIntermediates.length
        ? [...input.extraIntermediates, ...ctx.intermediates]
        : ctx.intermediates,
      anchors: ctx.anchors,
      at: input.at,
      profile: input.profile,
      ...(input.maxDepth !== undefined ? { maxDepth: input.maxDepth } : {}),
      ...(input.keyUsage ? { keyUsage: input.keyUsage } : {}),
      ...(input.extendedKeyUsage ? { extendedKeyUsage: input.extendedKeyUsage } : {}),
      ...(ctx.allowedPolicies ? { allowedPolicies: ctx.allowedPolicies } : {}),
    });
    chain = [...path.certificates.slice(1), path.anchor.certificate];
    if (ctx.revocation === 'none') warnings.push(REVOCATION_OPT_OUT_WARNING);
    const rev = checkPathRevocation(pathElements(path), ctx, ctx.revocation, input.at);
    return rev instanceof Promise ? rev.then(finish, failed) : finish(rev);
  } catch (e) {
    return failed(e);
  }
}
