/**
 * Who may sign (RFC 6960 §4.2.2.2): the issuing CA, or a responder certificate it issued with
 * id-kp-OCSPSigning, valid now, keyUsage digitalSignature, no unknown critical extension —
 * and, when pinned, exactly the pinned certificate.
 */
import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../../../src/pki/certificate.js';
import { toHex } from '../../../src/pki/der-values.js';
import { OID } from '../../../src/pki/oids.js';
import { deriveRsaKey } from '../../../src/sandbox/keys.js';
import { buildOcspResponse } from '../../../src/sandbox/ocsp-response-builder.js';
import {
  issueOcspResponderCertificate,
  type OcspResponderCertificateOptions,
} from '../../../src/sandbox/ocsp-responder-certificate.js';
import { otherRoot, root, throwsCode } from './fixtures.js';
import { delegate, delegateCert, delegatedSpec, verify } from './responses.js';

/** A response signed by a responder certificate made with `opts` (issued by the fixture root unless said). */
function signedBy(opts: OcspResponderCertificateOptions, issuer = root) {
  const r = issueOcspResponderCertificate(issuer, opts);
  return buildOcspResponse(
    delegatedSpec({ responderId: { byName: r.subjectDer }, signerKey: r.privateKey, certs: [r.der] }),
  );
}

describe('delegated responder', () => {
  it('a proper delegate: good, reported with its certificate hash and nocheck', () => {
    const r = verify(buildOcspResponse(delegatedSpec()));
    expect(r.status).toBe('good');
    expect(r.responder).toEqual({ kind: 'delegated', certificateSha256: toHex(delegateCert.sha256()), noCheck: true });
  });

  it('found by ResponderID byKey as well', () => {
    expect(verify(buildOcspResponse(delegatedSpec({ responderId: { byKey: delegate.keyHash } }))).status).toBe('good');
  });

  it('without id-pkix-ocsp-nocheck: accepted, and the report can say so', () => {
    expect(verify(signedBy({ noCheck: false, commonName: 'No Check' })).responder).toMatchObject({ noCheck: false });
  });

  it('ResponderID naming a certificate that is not included → ERR_OCSP_RESPONDER_UNAUTHORIZED', () => {
    throwsCode(() => verify(buildOcspResponse(delegatedSpec({ certs: [] }))), 'ERR_OCSP_RESPONDER_UNAUTHORIZED');
  });

  it('a forged delegate (names the CA as issuer, signed by another key) → ERR_OCSP_RESPONDER_UNAUTHORIZED', () => {
    const rogue = deriveRsaKey('jpki-gateway-sandbox/ocsp-rogue-ca').privateKey;
    throwsCode(
      () => verify(signedBy({ signingKeyOverride: rogue, commonName: 'Forged' })),
      'ERR_OCSP_RESPONDER_UNAUTHORIZED',
    );
  });

  it('a delegate of another CA → ERR_OCSP_RESPONDER_UNAUTHORIZED', () => {
    throwsCode(() => verify(signedBy({}, otherRoot)), 'ERR_OCSP_RESPONDER_UNAUTHORIZED');
  });

  it('without extendedKeyUsage, or with only anyExtendedKeyUsage / clientAuth → ERR_OCSP_RESPONDER_UNAUTHORIZED', () => {
    throwsCode(() => verify(signedBy({ extKeyUsage: [], commonName: 'No EKU' })), 'ERR_OCSP_RESPONDER_UNAUTHORIZED');
    throwsCode(
      () => verify(signedBy({ extKeyUsage: [OID.anyExtendedKeyUsage], commonName: 'Any EKU' })),
      'ERR_OCSP_RESPONDER_UNAUTHORIZED',
    );
    throwsCode(
      () => verify(signedBy({ extKeyUsage: [OID.kpClientAuth], commonName: 'Client EKU' })),
      'ERR_OCSP_RESPONDER_UNAUTHORIZED',
    );
  });

  it('expired or not yet valid now → ERR_OCSP_RESPONDER_UNAUTHORIZED', () => {
    const expired = { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2021-01-01T00:00:00Z') };
    const future = { notBefore: new Date('2027-01-01T00:00:00Z'), notAfter: new Date('2028-01-01T00:00:00Z') };
    throwsCode(() => verify(signedBy(expired)), 'ERR_OCSP_RESPONDER_UNAUTHORIZED');
    throwsCode(() => verify(signedBy(future)), 'ERR_OCSP_RESPONDER_UNAUTHORIZED');
  });

  it('keyUsage without digitalSignature → ERR_OCSP_RESPONDER_UNAUTHORIZED; no keyUsage at all is allowed', () => {
    throwsCode(
      () => verify(signedBy({ keyUsage: ['keyEncipherment'], commonName: 'KU' })),
      'ERR_OCSP_RESPONDER_UNAUTHORIZED',
    );
    expect(verify(signedBy({ keyUsage: [], commonName: 'No KU' })).status).toBe('good');
  });

  it('an unknown critical extension in the responder certificate → ERR_OCSP_RESPONDER_UNAUTHORIZED', () => {
    const ext = { oid: '1.2.3.4.5', critical: true, value: Uint8Array.of(5, 0) };
    throwsCode(
      () => verify(signedBy({ extraExtensions: [ext], commonName: 'Critical' })),
      'ERR_OCSP_RESPONDER_UNAUTHORIZED',
    );
  });
});

describe('pinned responder certificate', () => {
  const pinned = delegateCert;

  it('the pinned delegate signs: good', () => {
    expect(verify(buildOcspResponse(delegatedSpec()), { pinnedResponder: pinned }).status).toBe('good');
  });

  it('the pinned certificate need not be included in the response', () => {
    expect(verify(buildOcspResponse(delegatedSpec({ certs: [] })), { pinnedResponder: pinned }).status).toBe('good');
  });

  it('another valid delegate of the same CA → ERR_OCSP_RESPONDER_UNAUTHORIZED', () => {
    throwsCode(
      () => verify(signedBy({ commonName: 'Another Responder' }), { pinnedResponder: pinned }),
      'ERR_OCSP_RESPONDER_UNAUTHORIZED',
    );
  });

  it('signed by the CA itself while a responder is pinned → ERR_OCSP_RESPONDER_UNAUTHORIZED', () => {
    const caSigned = buildOcspResponse(
      delegatedSpec({ responderId: { byName: root.subjectDer }, signerKey: root.privateKey, certs: [] }),
    );
    expect(verify(caSigned).status).toBe('good');
    throwsCode(() => verify(caSigned, { pinnedResponder: pinned }), 'ERR_OCSP_RESPONDER_UNAUTHORIZED');
  });

  it('a pinned certificate that is not a valid delegate is still refused → ERR_OCSP_RESPONDER_UNAUTHORIZED', () => {
    const noEku = issueOcspResponderCertificate(root, { extKeyUsage: [], commonName: 'Pinned No EKU' });
    const der = buildOcspResponse(
      delegatedSpec({ responderId: { byName: noEku.subjectDer }, signerKey: noEku.privateKey, certs: [noEku.der] }),
    );
    throwsCode(() => verify(der, { pinnedResponder: parseCertificate(noEku.der) }), 'ERR_OCSP_RESPONDER_UNAUTHORIZED');
  });
});
