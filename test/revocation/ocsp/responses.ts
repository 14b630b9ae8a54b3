/**
 * Hand-built OCSP responses for the unit tests: a request for the fixture leaf, a valid
 * CA-signed answer to it, and a verify() with the fixture policy — each test changes one
 * thing. Origin: src/sandbox/ocsp-response-builder.ts (nothing stored).
 */
import { createHash } from 'node:crypto';
import { parseCertificate } from '../../../src/pki/certificate.js';
import { buildOcspRequest, encodeCertId, verifyOcspResponse } from '../../../src/revocation/ocsp/index.js';
import type { VerifyOcspResponseOptions } from '../../../src/revocation/ocsp/index.js';
import { subjectPublicKeyBits } from '../../../src/sandbox/extensions.js';
import { buildOcspResponse, type OcspResponseSpec } from '../../../src/sandbox/ocsp-response-builder.js';
import { issueOcspResponderCertificate } from '../../../src/sandbox/ocsp-responder-certificate.js';
import { AT, HOUR, issueLeaf, issuerCert, root } from './fixtures.js';

export const leaf = issueLeaf().cert;
export const NONCE = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
export const request = buildOcspRequest(leaf, issuerCert, { nonce: NONCE });
export const certIdDer = encodeCertId(request.context.certId);
export const rootKeyHash = new Uint8Array(createHash('sha1').update(subjectPublicKeyBits(root.publicKey)).digest());

export const delegate = issueOcspResponderCertificate(root);
export const delegateCert = parseCertificate(delegate.der);

export const NOW = AT.getTime();
export const MIN = 60_000;

/** A valid CA-signed answer "good" for the fixture leaf; `over` replaces top-level fields. */
export function spec(over: Partial<OcspResponseSpec> = {}): OcspResponseSpec {
  return {
    responderId: { byKey: rootKeyHash },
    producedAt: new Date(NOW - MIN),
    responses: [
      {
        certId: certIdDer,
        status: { kind: 'good' },
        thisUpdate: new Date(NOW - MIN),
        nextUpdate: new Date(NOW + HOUR),
      },
    ],
    nonce: NONCE,
    signerKey: root.privateKey,
    ...over,
  };
}

/** The same answer signed by the delegated responder (byName, certificate included). */
export function delegatedSpec(over: Partial<OcspResponseSpec> = {}): OcspResponseSpec {
  return spec({
    responderId: { byName: delegate.subjectDer },
    signerKey: delegate.privateKey,
    certs: [delegate.der],
    ...over,
  });
}

export const POLICY = { now: NOW, skewMs: 5 * MIN, maxAgeMs: HOUR } as const;

export function verify(der: Uint8Array, over: Partial<VerifyOcspResponseOptions> = {}) {
  return verifyOcspResponse(der, { ...POLICY, request: request.context, issuer: issuerCert, ...over });
}

export const build = (over: Partial<OcspResponseSpec> = {}): Uint8Array => buildOcspResponse(spec(over));
