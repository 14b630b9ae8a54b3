import { describe, expect, it } from 'vitest';
import { GatewayError, type ErrorCode } from '../../src/errors.js';
import { OID } from '../../src/pki/oids.js';
import { validatePath } from '../../src/path/validate-path.js';
import type { ValidatePathInput } from '../../src/path/types.js';
import { createTrustStore } from '../../src/trust/create-trust-store.js';
import { loadBundledRoots } from '../../src/trust/load-bundled-roots.js';
import {
  basicConstraints,
  buildCertificate,
  certificatePolicies,
  deriveEcKey,
  deriveRsaKey,
  extKeyUsage,
  keyIdentifier,
  keyUsage,
  name,
  subjectKeyIdentifier,
  toIssuer,
  type SandboxIssuer,
} from '../../src/sandbox/index.js';
import { cert, sandbox, T } from './fixtures.js';

const pki = sandbox();
// One leaf key for most certificates keeps the suite fast; tests about keys pass their own.
const leafKey = deriveRsaKey('path-tests/jpki-leaf');
const issueSign: typeof pki.issueSigningCertificate = (opts) => pki.issueSigningCertificate({ key: leafKey, ...opts });
const issueAuth: typeof pki.issueAuthenticationCertificate = (opts) =>
  pki.issueAuthenticationCertificate({ key: leafKey, ...opts });
const allRoots = createTrustStore([...pki.signingRoots, ...pki.authenticationRoots].map(cert));
const AT = T('2026-06-01T00:00:00Z');

const signing = (over: Partial<ValidatePathInput> & { leaf: ValidatePathInput['leaf'] }): ValidatePathInput => ({
  anchors: allRoots,
  at: AT,
  profile: 'jpki-signing',
  ...over,
});

function codeOf(input: ValidatePathInput): ErrorCode {
  try {
    validatePath(input);
  } catch (e) {
    if (e instanceof GatewayError) return e.code;
    throw e;
  }
  throw new Error('validatePath accepted the path');
}

const ku = (names: Parameters<typeof keyUsage>[0]) => ({ oid: OID.keyUsage, critical: true, value: keyUsage(names) });
const policies = (oids: string[]) => ({
  oid: OID.certificatePolicies,
  critical: true,
  value: certificatePolicies(oids),
});

/** A root named like production J-LIS (O=JPKI, not JPKI-TEST) but with a sandbox key. */
function productionLikeRoot(purpose: 'signing' | 'authentication'): SandboxIssuer {
  const { privateKey, publicKey } = deriveRsaKey(`path-tests/prod-like/${purpose}`);
  const subjectDer = name([
    ['C', 'JP'],
    ['O', 'JPKI'],
    ['OU', purpose === 'signing' ? 'JPKI for digital signature' : 'JPKI for user authentication'],
    ['OU', 'Japan Agency for Local Authority Information Systems'],
  ]);
  const keyId = keyIdentifier(publicKey);
  const { der, pem } = buildCertificate({
    serial: 7n,
    issuerName: subjectDer,
    subjectName: subjectDer,
    notBefore: new Date('2023-07-16T00:00:00Z'),
    notAfter: new Date('2033-07-15T14:59:59Z'),
    subjectPublicKey: publicKey,
    issuerPrivateKey: privateKey,
    extensions: [
      { oid: OID.keyUsage, critical: true, value: keyUsage(['keyCertSign', 'cRLSign']) },
      { oid: OID.basicConstraints, critical: true, value: basicConstraints(true) },
      { oid: OID.subjectKeyIdentifier, critical: false, value: subjectKeyIdentifier(keyId) },
    ],
  });
  return { der, pem, privateKey, publicKey, subjectDer, keyId, serial: 7n };
}

describe('JPKI profiles: valid card certificates', () => {
  it.each(['2015', '2019', '2023'] as const)(
    'signing leaf under the %s root is anchored to that generation by key id',
    (generation) => {
      const at = generation === '2015' ? T('2022-01-01T00:00:00Z') : AT;
      const issued = issueSign({ generation, notBefore: new Date(at - 86_400_000) });
      const path = validatePath(signing({ leaf: cert(issued), at }));
      expect(path.certificates).toHaveLength(1);
      expect(path.anchor.certificate.der).toEqual(pki.root('signing', generation).der);
      expect(path.anchor.purpose).toBe('signing');
    },
  );

  it('authentication leaf under jpki-authentication', () => {
    const path = validatePath({
      leaf: cert(issueAuth()),
      anchors: allRoots,
      at: AT,
      profile: 'jpki-authentication',
    });
    expect(path.anchor.certificate.der).toEqual(pki.root('authentication', '2023').der);
  });

  it('is valid exactly from notBefore to notAfter (inclusive), and not outside', () => {
    const issued = issueSign();
    const leaf = cert(issued);
    expect(() => validatePath(signing({ leaf, at: issued.notBefore.getTime() }))).not.toThrow();
    expect(() => validatePath(signing({ leaf, at: issued.notAfter.getTime() }))).not.toThrow();
    expect(codeOf(signing({ leaf, at: issued.notAfter.getTime() + 1000 }))).toBe('ERR_CERT_EXPIRED');
    expect(codeOf(signing({ leaf, at: issued.notBefore.getTime() - 1000 }))).toBe('ERR_CERT_NOT_YET_VALID');
  });

  it('an old signature under the expired 2015 root validates at its signing time, not today', () => {
    const leaf = cert(issueSign({ generation: '2015', notBefore: new Date('2021-04-01T00:00:00Z') }));
    expect(() => validatePath(signing({ leaf, at: T('2024-12-01T00:00:00Z') }))).not.toThrow();
    // The leaf itself is still valid in 2026 (5th birthday), but its root expired 2025-10-19.
    expect(codeOf(signing({ leaf, at: T('2025-10-20T00:00:00Z') }))).toBe('ERR_CERT_EXPIRED');
  });

  it('a root that is not yet valid at `at` fails with ERR_CERT_NOT_YET_VALID', () => {
    const leaf = cert(issueSign({ generation: '2023', notBefore: new Date('2023-01-01T00:00:00Z') }));
    expect(codeOf(signing({ leaf, at: T('2023-03-01T00:00:00Z') }))).toBe('ERR_CERT_NOT_YET_VALID');
  });

  it('picks the root by which key verifies when the AKI names another generation', () => {
    const r2019 = pki.root('signing', '2019');
    const r2023 = pki.root('signing', '2023');
    // Signed with the 2019 key, but the AKI claims the 2023 key id.
    const liar = issueSign({ issuer: { ...r2019, keyId: r2023.keyId } });
    const path = validatePath(signing({ leaf: cert(liar) }));
    expect(path.anchor.certificate.der).toEqual(r2019.der);
  });

  it('accepts an EC (P-256) smartphone-style leaf', () => {
    const leaf = cert(issueSign({ key: deriveEcKey('path-tests/ec-leaf') }));
    expect(() => validatePath(signing({ leaf }))).not.toThrow();
  });

  it('production-like root + production policy validates; allowedPolicies can replace the policy set', () => {
    const root = productionLikeRoot('signing');
    const anchors = createTrustStore([cert(root)]);
    const prod = cert(issueSign({ issuer: root, replaceExtensions: [policies([OID.jpkiSigningPolicy])] }));
    expect(() => validatePath(signing({ leaf: prod, anchors }))).not.toThrow();
    const phone = cert(issueSign({ issuer: root, replaceExtensions: [policies(['1.2.392.200149.8.5.1.9.20'])] }));
    expect(codeOf(signing({ leaf: phone, anchors }))).toBe('ERR_CERT_POLICY');
    expect(() =>
      validatePath(signing({ leaf: phone, anchors, allowedPolicies: ['1.2.392.200149.8.5.1.9.20'] })),
    ).not.toThrow();
  });

  it('allows an intermediate only when the caller raises maxDepth (JPKI is single-tier)', () => {
    const root = pki.root('signing');
    const subCa = issueSign({
      replaceExtensions: [ku(['keyCertSign', 'cRLSign'])],
      omitExtensions: [OID.certificatePolicies, OID.subjectAltName],
      extraExtensions: [{ oid: OID.basicConstraints, critical: true, value: basicConstraints(true) }],
    });
    const leaf = cert(issueSign({ issuer: toIssuer(subCa) }));
    expect(root.der).toBeDefined();
    expect(codeOf(signing({ leaf, intermediates: [cert(subCa)] }))).toBe('ERR_PATH_TOO_LONG');
    expect(validatePath(signing({ leaf, intermediates: [cert(subCa)], maxDepth: 1 })).certificates).toHaveLength(2);
  });
});

describe('JPKI profiles: each rejection code', () => {
  it('ERR_CERT_SIGNATURE_INVALID for a corrupted signature', () => {
    const leaf = cert(issueSign({ overrides: { corruptSignature: true } }));
    expect(codeOf(signing({ leaf }))).toBe('ERR_CERT_SIGNATURE_INVALID');
  });

  it('ERR_CERT_SIGNATURE_INVALID for a key that no generation of the same-named root has', () => {
    const impostor = { ...pki.root('signing', '2023'), ...deriveRsaKey('path-tests/impostor-root') };
    const leaf = cert(issueSign({ issuer: impostor }));
    expect(codeOf(signing({ leaf }))).toBe('ERR_CERT_SIGNATURE_INVALID');
  });

  it('ERR_CERT_WRONG_PURPOSE: authentication certificate under jpki-signing and vice versa', () => {
    const auth = cert(issueAuth());
    const sign = cert(issueSign());
    expect(codeOf(signing({ leaf: auth }))).toBe('ERR_CERT_WRONG_PURPOSE');
    expect(codeOf({ leaf: sign, anchors: allRoots, at: AT, profile: 'jpki-authentication' })).toBe(
      'ERR_CERT_WRONG_PURPOSE',
    );
  });

  it('ERR_CERT_WRONG_PURPOSE when a leaf with no purpose marks chains only to the other purpose’s root', () => {
    // Issued by the signing root, but stripped of everything that says "signing".
    const unmarked = cert(
      issueSign({
        replaceExtensions: [ku(['digitalSignature'])],
        omitExtensions: [OID.certificatePolicies],
      }),
    );
    expect(codeOf({ leaf: unmarked, anchors: allRoots, at: AT, profile: 'jpki-authentication' })).toBe(
      'ERR_CERT_WRONG_PURPOSE',
    );
    // With only the authentication roots configured there is nothing to compare with.
    const authOnly = allRoots.forPurpose('authentication');
    expect(codeOf({ leaf: unmarked, anchors: authOnly, at: AT, profile: 'jpki-authentication' })).toBe(
      'ERR_PATH_NOT_FOUND',
    );
  });

  it('ERR_CERT_POLICY: a production-OID leaf under a TEST root', () => {
    const leaf = cert(issueSign({ replaceExtensions: [policies([OID.jpkiSigningPolicy])] }));
    expect(codeOf(signing({ leaf }))).toBe('ERR_CERT_POLICY');
  });

  it('ERR_CERT_POLICY: a test-OID leaf under a production root, even if allowedPolicies lists the test OID', () => {
    const root = productionLikeRoot('signing');
    const anchors = createTrustStore([cert(root)]);
    const leaf = cert(issueSign({ issuer: root }));
    expect(codeOf(signing({ leaf, anchors }))).toBe('ERR_CERT_POLICY');
    expect(codeOf(signing({ leaf, anchors, allowedPolicies: [OID.jpkiTestSigningPolicy] }))).toBe('ERR_CERT_POLICY');
  });

  it('ERR_CERT_POLICY: no policy, or a foreign J-LIS policy beside the right one', () => {
    const none = cert(issueSign({ omitExtensions: [OID.certificatePolicies] }));
    expect(codeOf(signing({ leaf: none }))).toBe('ERR_CERT_POLICY');
    const both = cert(
      issueSign({
        replaceExtensions: [policies([OID.jpkiTestSigningPolicy, OID.jpkiSigningPolicy])],
      }),
    );
    expect(codeOf(signing({ leaf: both }))).toBe('ERR_CERT_POLICY');
  });

  it('sandbox (test-OID) certificates never validate against the real J-LIS roots', () => {
    const jlis = loadBundledRoots();
    const leaf = cert(issueSign({ notBefore: new Date('2024-01-01T00:00:00Z') }));
    expect(codeOf(signing({ leaf, anchors: jlis, at: T('2024-06-01T00:00:00Z') }))).toBe('ERR_PATH_NOT_FOUND');
    // Even renamed to the real root DN, it does not verify under any real generation's key.
    const real = jlis.forPurpose('signing').anchors[0]!.certificate;
    const renamed = cert(
      issueSign({
        notBefore: new Date('2024-01-01T00:00:00Z'),
        overrides: { issuerName: real.subject.der },
      }),
    );
    expect(codeOf(signing({ leaf: renamed, anchors: jlis, at: T('2024-06-01T00:00:00Z') }))).toBe(
      'ERR_CERT_SIGNATURE_INVALID',
    );
  });

  it('ERR_CERT_KEY_USAGE: missing nonRepudiation, a CA usage, or no keyUsage at all', () => {
    const noNr = cert(issueSign({ replaceExtensions: [ku(['digitalSignature'])] }));
    expect(codeOf(signing({ leaf: noNr }))).toBe('ERR_CERT_KEY_USAGE');
    const caUse = cert(issueSign({ replaceExtensions: [ku(['digitalSignature', 'nonRepudiation', 'keyCertSign'])] }));
    expect(codeOf(signing({ leaf: caUse }))).toBe('ERR_CERT_KEY_USAGE');
    const none = cert(issueAuth({ omitExtensions: [OID.keyUsage] }));
    expect(codeOf({ leaf: none, anchors: allRoots, at: AT, profile: 'jpki-authentication' })).toBe(
      'ERR_CERT_KEY_USAGE',
    );
  });

  it('ERR_CERT_EXT_KEY_USAGE when the caller requires an EKU the leaf does not list', () => {
    const auth = cert(
      issueAuth({
        replaceExtensions: [{ oid: OID.extKeyUsage, critical: false, value: extKeyUsage([OID.kpClientAuth]) }],
      }),
    );
    const input: ValidatePathInput = { leaf: auth, anchors: allRoots, at: AT, profile: 'jpki-authentication' };
    expect(() => validatePath({ ...input, extendedKeyUsage: [OID.kpClientAuth] })).not.toThrow();
    expect(codeOf({ ...input, extendedKeyUsage: ['1.3.6.1.5.5.7.3.1'] })).toBe('ERR_CERT_EXT_KEY_USAGE');
  });

  it('ERR_CERT_PROFILE for a leaf that is a CA', () => {
    const leaf = cert(
      issueSign({
        extraExtensions: [{ oid: OID.basicConstraints, critical: true, value: basicConstraints(true) }],
      }),
    );
    expect(codeOf(signing({ leaf }))).toBe('ERR_CERT_PROFILE');
  });

  it('ERR_KEY_TOO_WEAK for an RSA-1024 leaf', () => {
    const leaf = cert(issueSign({ key: deriveRsaKey('path-tests/weak', 1024) }));
    expect(codeOf(signing({ leaf }))).toBe('ERR_KEY_TOO_WEAK');
  });

  it('ERR_CERT_UNKNOWN_CRITICAL_EXTENSION on a card certificate', () => {
    const leaf = cert(
      issueSign({
        extraExtensions: [{ oid: '1.2.392.200149.8.5.99', critical: true, value: new Uint8Array([5, 0]) }],
      }),
    );
    expect(codeOf(signing({ leaf }))).toBe('ERR_CERT_UNKNOWN_CRITICAL_EXTENSION');
  });
});
