/**
 * Verifies a submission through the core (createVerifier().verifySignature): a two-step value
 * is assembled into a CAdES baseline-B CMS over exactly the signed attributes data-to-sign
 * built; a client-built CMS is verified against exactly the statement / document bytes.
 */
import { createHash } from 'node:crypto';
import type { ErrorCode } from '../errors.js';
import { assembleSignedData } from '../cms/assemble-signed-data.js';
import { verifySignedData } from '../cms/verify-signed-data.js';
import type { ValidationReport } from '../report/types.js';
import type { SessionDeps } from './deps.js';
import type { Submission } from './read-submission.js';
import { signedContentOf } from './signed-content.js';
import type { SessionRecord } from './types.js';

export interface VerifiedSubmission {
  readonly report: ValidationReport;
  /** DER of the signer certificate, when one could be identified. */
  readonly certificate: Uint8Array | undefined;
  readonly cms: Uint8Array;
  /** A session rule the core cannot know about (set only when the core passed). */
  readonly sessionError: ErrorCode | undefined;
}

export async function verifySubmission(
  deps: SessionDeps,
  r: SessionRecord,
  s: Submission,
): Promise<VerifiedSubmission> {
  const content = signedContentOf(r);
  const profile = 'jpki-signing' as const;
  if (s.kind === 'two-step') {
    const certificate = Buffer.from(s.prepared.certificate, 'base64');
    const signedAttributes = Buffer.from(s.prepared.signedAttributes, 'base64');
    const attached = content.kind === 'content' && content.attached;
    const cms = assembleSignedData({
      signedAttributes,
      signatureValue: s.signatureValue,
      signerCertificate: certificate,
      ...(attached ? { content: content.bytes } : {}),
    });
    const report =
      content.kind === 'content'
        ? await deps.verifier.verifySignature({
            signature: cms,
            ...(attached ? {} : { content: content.bytes }),
            profile,
          })
        : // Document given by digest: the core cannot hash what it does not have, so it verifies the
          // value over the gateway-built attributes, whose messageDigest is that digest by construction.
          await deps.verifier.verifySignature({
            signatureValue: s.signatureValue,
            certificate,
            digest: createHash('sha256').update(signedAttributes).digest(),
            digestAlgorithm: 'SHA-256',
            profile,
          });
    return { report, certificate, cms, sessionError: undefined };
  }
  if (content.kind !== 'content') throw new TypeError('client-built CMS without content: readSubmission refuses it');
  const report = await deps.verifier.verifySignature({ signature: s.cms, content: content.bytes, profile });
  const inner = readVerifiedCms(s.cms, content.bytes);
  const sessionError =
    report.indication === 'TOTAL_PASSED' && r.type === 'signing' && !signingTimeInSession(deps, r, inner?.signingTime)
      ? 'ERR_SESSION_SIGNING_TIME'
      : undefined;
  return { report, certificate: inner?.certificate, cms: s.cms, sessionError };
}

/**
 * A document carries no nonce, so a client-built CMS over it must have been made during this
 * session: its signing time lies between the session's creation and now (± clock skew). With
 * the signature-value replay set this refuses a signature made for an earlier session.
 */
function signingTimeInSession(deps: SessionDeps, r: SessionRecord, signingTime: Date | undefined): boolean {
  if (!signingTime) return false;
  const skew = deps.limits.clockSkewSeconds * 1000;
  const t = signingTime.getTime();
  return t >= Date.parse(r.createdAt) - skew && t <= deps.clock.now().getTime() + skew;
}

/** The CMS's own view of its signer (DER) and signing time; undefined when it does not verify. */
function readVerifiedCms(
  cms: Uint8Array,
  content: Uint8Array,
): { certificate: Uint8Array; signingTime: Date | undefined } | undefined {
  try {
    const v = verifySignedData({ unverifiedSignature: cms, content });
    return { certificate: v.signerCertificate.der, signingTime: v.signingTime };
  } catch {
    return undefined;
  }
}
