/**
 * Builds the contract §3 report from what the pipeline established. The indication is
 * derived only here: TOTAL_PASSED exactly when no error was recorded.
 */
import { ERROR_MESSAGES, GatewayError, type ErrorCode } from '../errors.js';
import type { Certificate } from '../pki/certificate.js';
import { KEY_USAGE_BITS } from '../pki/extensions.js';
import { nameToString } from '../pki/name.js';
import { toHex } from '../pki/der-values.js';
import { SUB_INDICATION, indicationFor, type SubIndication } from './sub-indication.js';
import type { CertificateFacts, Profile, ReportMessage, RevocationFacts, ValidationReport } from './types.js';

export interface ReportInput {
  readonly profile: Profile;
  readonly validationTime: number;
  readonly signingTime?: Date | undefined;
  readonly error?: GatewayError | undefined;
  /** Set when the revocation date is after the validation time (ETSI REVOKED_NO_POE). */
  readonly revokedWithoutPoe?: boolean;
  readonly warnings?: readonly ReportMessage[];
  readonly signerCertificate?: Certificate | undefined;
  readonly chain?: readonly Certificate[];
  readonly identity?: Record<string, unknown> | null;
  readonly revocation: RevocationFacts;
}

const iso = (ms: number): string => new Date(ms).toISOString();

const factsCache = new WeakMap<Certificate, CertificateFacts>();

/**
 * Facts of a certificate; cached per parsed object for CA certificates (roots and CAs recur in
 * every report). A customer's certificate is parsed anew per call, so caching its facts would
 * only add a weak-map entry per call for the garbage collector to clear.
 */
export function certificateFacts(c: Certificate): CertificateFacts {
  if (!c.basicConstraints?.ca) return Object.freeze(computeFacts(c));
  let f = factsCache.get(c);
  if (!f) {
    f = Object.freeze(computeFacts(c));
    factsCache.set(c, f);
  }
  return f;
}

function computeFacts(c: Certificate): CertificateFacts {
  const ku = c.keyUsage ?? 0;
  return {
    serialNumber: c.serialHex,
    issuer: nameToString(c.issuer),
    subject: nameToString(c.subject),
    notBefore: iso(c.notBefore),
    notAfter: iso(c.notAfter),
    sha256: toHex(c.sha256()),
    policies: c.policies ?? [],
    keyUsage: Object.entries(KEY_USAGE_BITS)
      .filter(([, bit]) => ku & bit)
      .map(([n]) => n),
  };
}

export function errorMessage(code: ErrorCode, detail?: string): ReportMessage {
  return { code, message: detail ? `${ERROR_MESSAGES[code]} (${detail})` : ERROR_MESSAGES[code] };
}

export function buildReport(input: ReportInput): ValidationReport {
  let sub: SubIndication | null = null;
  if (input.error) {
    sub = SUB_INDICATION[input.error.code];
    if (sub === 'REVOKED' && input.revokedWithoutPoe) sub = 'REVOKED_NO_POE';
  }
  const cert = input.signerCertificate;
  return {
    indication: sub ? indicationFor(sub) : 'TOTAL_PASSED',
    subIndication: sub,
    errors: input.error ? [errorMessage(input.error.code, input.error.detail)] : [],
    warnings: input.warnings ?? [],
    profile: input.profile,
    validationTime: iso(input.validationTime),
    signingTime: input.signingTime ? input.signingTime.toISOString() : null,
    signer: cert
      ? {
          certificate: certificateFacts(cert),
          identity: input.identity ?? null,
          chain: (input.chain ?? []).map(certificateFacts),
        }
      : null,
    revocation: input.revocation,
  };
}
