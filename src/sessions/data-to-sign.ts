/**
 * dataToSign (POST /v1/client/session/data-to-sign), step one of two-step signing: checks the
 * presented signing certificate, builds the CAdES baseline-B signed attributes over the
 * statement (identity) or the document (signing) — content-type, message-digest,
 * signing-certificate-v2, signing-time and the session binding — and returns the DigestInfo
 * the card signs. Calling it again (another card) replaces what was prepared.
 */
import { GatewayError, isGatewayError } from '../errors.js';
import { buildSignedAttributes } from '../cms/build-signed-attributes.js';
import { decodeInput } from '../pki/decode-input.js';
import { MAX_CERTIFICATE_BYTES } from '../pki/certificate.js';
import { acceptableForSigning } from './certificate-acceptance.js';
import { CertificateNotAcceptedError } from './certificate-not-accepted.js';
import type { SessionDeps } from './deps.js';
import { applyTransition, loadClientSession } from './session-access.js';
import { sessionBindingAttribute } from './session-binding.js';
import { signedContentOf } from './signed-content.js';
import type { DataToSign } from './types.js';

const MAX_ATTEMPTS = 3;

export async function dataToSign(
  deps: SessionDeps,
  clientToken: unknown,
  unverifiedCertificate: unknown,
): Promise<DataToSign> {
  const certificate = decodeCertificate(unverifiedCertificate);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = await loadClientSession(deps, clientToken);
    const report = await deps.verifier.verifyCertificate({ certificate, profile: 'jpki-signing' });
    if (!acceptableForSigning(report)) throw new CertificateNotAcceptedError(report);
    const r = stored.record;
    const signingTime = deps.clock.now();
    const content = signedContentOf(r);
    const built = buildSignedAttributes({
      ...(content.kind === 'content' ? { content: content.bytes } : { contentDigest: content.digest }),
      digestAlgorithm: 'SHA-256',
      signerCertificate: certificate,
      signingTime,
      extraAttributes: [sessionBindingAttribute(r.id, Buffer.from(r.nonce, 'base64url'))],
    });
    const prepared = {
      certificate: Buffer.from(certificate).toString('base64'),
      signedAttributes: Buffer.from(built.signedAttributes).toString('base64'),
      signingTime: signingTime.toISOString(),
    };
    if (await applyTransition(deps, stored, 'prepare', 'signing', { prepared })) {
      return {
        dataToSign: prepared.signedAttributes,
        digestInfo: Buffer.from(built.digestInfo).toString('base64'),
        digestAlgorithm: 'SHA-256',
      };
    }
  }
  throw new GatewayError('ERR_SESSION_STATE', 'changed concurrently');
}

function decodeCertificate(v: unknown): Uint8Array {
  if (typeof v !== 'string' || v.length === 0)
    throw new GatewayError('ERR_SESSION_INPUT', 'certificate must be base64 or PEM');
  try {
    return decodeInput(Buffer.from(v, 'latin1'), MAX_CERTIFICATE_BYTES * 2);
  } catch (e) {
    if (isGatewayError(e)) throw new GatewayError('ERR_SESSION_INPUT', `certificate: ${e.code}`);
    throw e;
  }
}
