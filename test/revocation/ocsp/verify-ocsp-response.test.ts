/** verifyOcspResponse: one negative test per rule (RFC 6960 §3.2, §4.2; RFC 8954), no network. */
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bitString, concat, explicit, octetString, oid, seq, tlv, utcTime } from '../../../src/pki/der-write.js';
import { OID } from '../../../src/pki/oids.js';
import { buildOcspRequest, encodeCertId, OCSP_OID } from '../../../src/revocation/ocsp/index.js';
import { nonceExtension } from '../../../src/revocation/ocsp/build-ocsp-request.js';
import { signatureAlgorithmIdentifier } from '../../../src/sandbox/certificate-builder.js';
import {
  buildOcspErrorResponse,
  encodeSingleResponse,
  OCSP_RESPONSE_STATUS,
} from '../../../src/sandbox/ocsp-response-builder.js';
import { deriveRsaKey } from '../../../src/sandbox/keys.js';
import { HOUR, issuerCert, root, throwsCode } from './fixtures.js';
import { build, leaf, MIN, NONCE, NOW, request, rootKeyHash, spec, verify } from './responses.js';

const single = (over: Record<string, unknown>) => [{ ...spec().responses[0]!, ...over }];

describe('a valid response', () => {
  it('CA-signed good: the answer, its times, and the exact bytes as evidence', () => {
    const der = build();
    const r = verify(der);
    expect(r.status).toBe('good');
    expect(r.responder).toEqual({ kind: 'issuer' });
    expect(r.thisUpdate.getTime()).toBe(NOW - MIN);
    expect(r.nextUpdate?.getTime()).toBe(NOW + HOUR);
    expect(r.producedAt.getTime()).toBe(NOW - MIN);
    expect(r.responseDer).toBe(der);
  });

  it('ResponderID byName of the CA works as well as byKey', () => {
    expect(verify(build({ responderId: { byName: issuerCert.subject.der } })).status).toBe('good');
  });

  it('revoked: time and reason with the CRL reason names', () => {
    const revokedAt = new Date('2026-02-01T00:00:00Z');
    const r = verify(
      build({ responses: single({ status: { kind: 'revoked', revokedAt, reason: 'affiliationChanged' } }) }),
    );
    expect(r).toMatchObject({ status: 'revoked', reason: 'affiliationChanged' });
    if (r.status === 'revoked') expect(r.revokedAt).toEqual(revokedAt);
  });

  it('revoked without a reason is unspecified; certificateHold is revoked (JPKI never releases)', () => {
    const revokedAt = new Date('2026-02-01T00:00:00Z');
    expect(verify(build({ responses: single({ status: { kind: 'revoked', revokedAt } }) }))).toMatchObject({
      status: 'revoked',
      reason: 'unspecified',
    });
    expect(
      verify(build({ responses: single({ status: { kind: 'revoked', revokedAt, reason: 'certificateHold' } }) })),
    ).toMatchObject({ status: 'revoked', reason: 'certificateHold' });
  });

  it('no nonce sent: an answer without one is fine', () => {
    const plain = buildOcspRequest(leaf, issuerCert, { nonce: false });
    expect(plain.context.nonce).toBeUndefined();
    expect(verify(build({ nonce: undefined }), { request: plain.context }).status).toBe('good');
  });

  it('a known critical extension (nonce) is accepted; no nextUpdate is accepted under the max age', () => {
    const ext = { oid: OCSP_OID.nonce, critical: true, value: octetString(NONCE) };
    expect(verify(build({ nonce: undefined, extensions: [ext] })).status).toBe('good');
    expect(verify(build({ responses: single({ nextUpdate: undefined }) })).nextUpdate).toBeUndefined();
  });
});

describe('status and structure', () => {
  for (const [name, status] of Object.entries(OCSP_RESPONSE_STATUS)) {
    if (status === 0) continue;
    it(`responseStatus ${name} → ERR_OCSP_RESPONSE_STATUS`, () => {
      throwsCode(() => verify(buildOcspErrorResponse(status)), 'ERR_OCSP_RESPONSE_STATUS');
    });
  }

  it('successful without responseBytes → ERR_OCSP_MALFORMED', () => {
    throwsCode(() => verify(buildOcspErrorResponse(0)), 'ERR_OCSP_MALFORMED');
  });

  it('a responseType other than id-pkix-ocsp-basic → ERR_OCSP_MALFORMED', () => {
    throwsCode(() => verify(build({ responseType: '1.3.6.1.5.5.7.48.1.99' })), 'ERR_OCSP_MALFORMED');
  });

  it('garbage, trailing bytes, an explicit version → ERR_OCSP_MALFORMED (never a DER or format code)', () => {
    throwsCode(() => verify(new TextEncoder().encode('<html>')), 'ERR_OCSP_MALFORMED');
    throwsCode(() => verify(concat(build(), Uint8Array.of(0))), 'ERR_OCSP_MALFORMED');
    throwsCode(() => verify(build({ version: 0 })), 'ERR_OCSP_MALFORMED');
    throwsCode(() => verify(build({ version: 1 })), 'ERR_OCSP_MALFORMED');
  });

  it('more than four certificates → ERR_OCSP_MALFORMED', () => {
    throwsCode(() => verify(build({ certs: Array(5).fill(issuerCert.der) })), 'ERR_OCSP_MALFORMED');
  });

  it('an unknown critical extension in the response or the SingleResponse → ERR_OCSP_MALFORMED', () => {
    const ext = { oid: '1.2.3.4', critical: true, value: Uint8Array.of(5, 0) };
    throwsCode(() => verify(build({ extensions: [ext] })), 'ERR_OCSP_MALFORMED');
    throwsCode(() => verify(build({ responses: single({ extensions: [ext] }) })), 'ERR_OCSP_MALFORMED');
  });

  it('a revocation reason that does not exist (7) or removeFromCRL → ERR_OCSP_MALFORMED', () => {
    const revokedAt = new Date(NOW - HOUR);
    throwsCode(
      () => verify(build({ responses: single({ status: { kind: 'revoked', revokedAt, reason: 7 } }) })),
      'ERR_OCSP_MALFORMED',
    );
    throwsCode(
      () => verify(build({ responses: single({ status: { kind: 'revoked', revokedAt, reason: 'removeFromCRL' } }) })),
      'ERR_OCSP_MALFORMED',
    );
  });

  it('UTCTime where GeneralizedTime is required → ERR_OCSP_MALFORMED', () => {
    // Hand-assembled and correctly signed, so only producedAt's type is wrong.
    const tbs = seq(
      explicit(2, octetString(rootKeyHash)),
      utcTime(new Date(NOW - MIN)),
      seq(encodeSingleResponse(spec().responses[0]!)),
      explicit(1, seq(nonceExtension(NONCE))),
    );
    const basic = seq(
      tbs,
      signatureAlgorithmIdentifier('sha256WithRSA'),
      bitString(sign('sha256', tbs, root.privateKey)),
    );
    const der = seq(tlv(0x0a, Uint8Array.of(0)), explicit(0, seq(oid(OCSP_OID.basic), octetString(basic))));
    const e = throwsCode(() => verify(der), 'ERR_OCSP_MALFORMED');
    expect(e.detail).toContain('expected tag 0x18');
  });
});

describe('which certificate the answer is about', () => {
  it('zero or two SingleResponses → ERR_OCSP_CERT_ID_MISMATCH', () => {
    throwsCode(() => verify(build({ responses: [] })), 'ERR_OCSP_CERT_ID_MISMATCH');
    const one = spec().responses[0]!;
    throwsCode(() => verify(build({ responses: [one, one] })), 'ERR_OCSP_CERT_ID_MISMATCH');
  });

  const id = request.context.certId;
  const flip = (b: Uint8Array) => Uint8Array.from(b, (x, i) => (i === 0 ? x ^ 1 : x));
  const cases: [string, Uint8Array][] = [
    ['hash algorithm', encodeCertId({ ...id, hashOid: OID.sha1 })],
    ['issuerNameHash', encodeCertId({ ...id, issuerNameHash: flip(id.issuerNameHash) })],
    ['issuerKeyHash', encodeCertId({ ...id, issuerKeyHash: flip(id.issuerKeyHash) })],
    ['serialNumber', encodeCertId({ ...id, serial: Uint8Array.of(0x01, ...id.serial) })],
  ];
  for (const [field, certId] of cases) {
    it(`another ${field} → ERR_OCSP_CERT_ID_MISMATCH`, () => {
      const e = throwsCode(() => verify(build({ responses: single({ certId }) })), 'ERR_OCSP_CERT_ID_MISMATCH');
      expect(e.detail).toContain(field === 'hash algorithm' ? 'hash algorithm' : field);
    });
  }

  it('a SHA-1 CertID request is answered and matched with SHA-1', () => {
    const sha1 = buildOcspRequest(leaf, issuerCert, { certIdHash: 'SHA-1', nonce: NONCE });
    const der = build({ responses: single({ certId: encodeCertId(sha1.context.certId) }) });
    expect(verify(der, { request: sha1.context }).status).toBe('good');
    throwsCode(() => verify(der), 'ERR_OCSP_CERT_ID_MISMATCH');
  });
});

describe('signature', () => {
  it('one flipped bit → ERR_OCSP_SIGNATURE_INVALID', () => {
    throwsCode(() => verify(build({ corruptSignature: true })), 'ERR_OCSP_SIGNATURE_INVALID');
  });

  it('signed by another key under the CA’s ResponderID → ERR_OCSP_SIGNATURE_INVALID', () => {
    throwsCode(
      () => verify(build({ signerKey: deriveRsaKey('ocsp-test-other').privateKey })),
      'ERR_OCSP_SIGNATURE_INVALID',
    );
  });

  it('sha1WithRSA (not on the allow-list) → ERR_OCSP_SIGNATURE_INVALID', () => {
    const e = throwsCode(() => verify(build({ signatureAlgorithm: 'sha1WithRSA' })), 'ERR_OCSP_SIGNATURE_INVALID');
    expect(e.detail).toContain('ERR_ALG_NOT_ALLOWED');
  });

  it('an ECDSA signature where the signer has an RSA key → ERR_OCSP_SIGNATURE_INVALID', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    throwsCode(
      () => verify(build({ signatureAlgorithm: 'ecdsa-sha256', signerKey: ec })),
      'ERR_OCSP_SIGNATURE_INVALID',
    );
  });
});

describe('nonce (RFC 8954)', () => {
  it('sent but not echoed → ERR_OCSP_NONCE_MISMATCH', () => {
    throwsCode(() => verify(build({ nonce: undefined })), 'ERR_OCSP_NONCE_MISMATCH');
  });
  it('a different nonce → ERR_OCSP_NONCE_MISMATCH', () => {
    throwsCode(() => verify(build({ nonce: NONCE.map((b) => b ^ 0x55) })), 'ERR_OCSP_NONCE_MISMATCH');
  });
  it('the raw nonce without its OCTET STRING wrapper → ERR_OCSP_NONCE_MISMATCH', () => {
    const ext = { oid: OCSP_OID.nonce, critical: false, value: NONCE };
    throwsCode(() => verify(build({ nonce: undefined, extensions: [ext] })), 'ERR_OCSP_NONCE_MISMATCH');
  });
});

describe('time', () => {
  const at = (over: Record<string, unknown>) => build({ responses: single(over) });
  it('thisUpdate beyond the skew in the future → ERR_OCSP_NOT_YET_VALID; within the skew → good', () => {
    throwsCode(
      () => verify(at({ thisUpdate: new Date(NOW + 6 * MIN), nextUpdate: new Date(NOW + HOUR) })),
      'ERR_OCSP_NOT_YET_VALID',
    );
    expect(verify(at({ thisUpdate: new Date(NOW + 4 * MIN) })).status).toBe('good');
  });
  it('producedAt beyond the skew in the future → ERR_OCSP_NOT_YET_VALID', () => {
    throwsCode(() => verify(build({ producedAt: new Date(NOW + 6 * MIN) })), 'ERR_OCSP_NOT_YET_VALID');
  });
  it('thisUpdate older than the maximum age → ERR_OCSP_STALE, even with nextUpdate ahead', () => {
    throwsCode(
      () => verify(at({ thisUpdate: new Date(NOW - HOUR - MIN), nextUpdate: new Date(NOW + HOUR) })),
      'ERR_OCSP_STALE',
    );
    throwsCode(() => verify(at({ thisUpdate: new Date(NOW - HOUR - MIN), nextUpdate: undefined })), 'ERR_OCSP_STALE');
  });
  it('the maximum age also holds for a validation time after now', () => {
    throwsCode(() => verify(build(), { at: NOW + HOUR }), 'ERR_OCSP_STALE');
    expect(verify(build(), { at: NOW - 30 * 24 * HOUR }).status).toBe('good'); // a past signing time: current status is newer evidence
  });
  it('nextUpdate passed beyond the skew → ERR_OCSP_STALE; within the skew → good', () => {
    throwsCode(
      () => verify(at({ thisUpdate: new Date(NOW - 30 * MIN), nextUpdate: new Date(NOW - 6 * MIN) })),
      'ERR_OCSP_STALE',
    );
    expect(verify(at({ thisUpdate: new Date(NOW - 30 * MIN), nextUpdate: new Date(NOW - 4 * MIN) })).status).toBe(
      'good',
    );
  });
  it('nextUpdate before thisUpdate → ERR_OCSP_MALFORMED', () => {
    throwsCode(
      () => verify(at({ thisUpdate: new Date(NOW - MIN), nextUpdate: new Date(NOW - 2 * MIN) })),
      'ERR_OCSP_MALFORMED',
    );
  });
});

describe('certificate status', () => {
  it('unknown → ERR_OCSP_UNKNOWN (not valid)', () => {
    throwsCode(() => verify(build({ responses: single({ status: { kind: 'unknown' } }) })), 'ERR_OCSP_UNKNOWN');
  });
});
