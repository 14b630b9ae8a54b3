import { describe, expect, it } from 'vitest';
import { GatewayError, type ErrorCode } from '../../src/errors.js';
import { OID } from '../../src/pki/oids.js';
import { integer, oid, seq } from '../../src/pki/der-write.js';
import { validatePath } from '../../src/path/validate-path.js';
import type { ValidatePathInput } from '../../src/path/types.js';
import { createTrustStore } from '../../src/trust/create-trust-store.js';
import { certificatePolicies } from '../../src/sandbox/index.js';
import { AT, exampleChain, exampleName, makeCert, type TestCa } from './fixtures.js';

const chain = exampleChain(1);
const base = (over: Partial<ValidatePathInput> = {}): ValidatePathInput => ({
  leaf: chain.leaf.certificate,
  intermediates: chain.intermediates.map((c) => c.certificate),
  anchors: [chain.root.certificate],
  at: AT,
  profile: 'generic',
  ...over,
});

function expectCode(input: ValidatePathInput, code: ErrorCode): void {
  let thrown: unknown;
  try {
    validatePath(input);
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected ${code}`).toBeInstanceOf(GatewayError);
  expect((thrown as GatewayError).code).toBe(code);
}

const leafUnder = (issuer: TestCa, seed: string, extra: Parameters<typeof makeCert>[0]['extra'] = []): TestCa =>
  makeCert({ subject: exampleName(`Leaf ${seed}`), issuer, keySeed: 'leaf', ca: false, extra });

describe('validatePath generic: valid paths', () => {
  it('returns leaf … last intermediate and the anchor', () => {
    const path = validatePath(base());
    expect(path.certificates.map((c) => c.serialHex)).toEqual(
      [chain.leaf, chain.intermediates[0]!].map((c) => c.certificate.serialHex),
    );
    expect(path.anchor.certificate.der).toEqual(chain.root.der);
  });

  it('accepts a trust store as anchors, and finds intermediates in any order among junk', () => {
    const deep = exampleChain(3);
    const junk = makeCert({ subject: exampleName('Unrelated CA'), keySeed: 'junk' });
    const path = validatePath(
      base({
        leaf: deep.leaf.certificate,
        intermediates: [
          junk.certificate,
          ...deep.intermediates.map((c) => c.certificate).reverse(),
          deep.intermediates[0]!.certificate,
        ],
        anchors: createTrustStore([deep.root.certificate]),
      }),
    );
    expect(path.certificates).toHaveLength(4);
  });

  it('accepts a critical certificatePolicies in generic (policy processing cannot fail, RFC 5280 §6.1.5 (g))', () => {
    const leaf = leafUnder(chain.intermediates[0]!, 'policies', [
      { oid: OID.certificatePolicies, critical: true, value: certificatePolicies(['1.2.3.4']) },
    ]);
    expect(() => validatePath(base({ leaf: leaf.certificate }))).not.toThrow();
  });

  it('ignores an unknown NON-critical extension', () => {
    const leaf = leafUnder(chain.intermediates[0]!, 'noncrit', [
      { oid: '1.3.6.1.4.1.99999.1', critical: false, value: seq() },
    ]);
    expect(() => validatePath(base({ leaf: leaf.certificate }))).not.toThrow();
  });

  it('does not count a self-issued intermediate against pathLenConstraint (RFC 5280 §6.1.4 (l))', () => {
    const root = chain.root;
    const ca = makeCert({ subject: exampleName('PL0 CA'), issuer: root, keySeed: 'pl0', pathLen: 0 });
    const rollover = makeCert({ subject: exampleName('PL0 CA'), issuer: ca, keySeed: 'pl0-new' });
    const leaf = makeCert({ subject: exampleName('PL0 leaf'), issuer: rollover, keySeed: 'leaf', ca: false });
    const path = validatePath(base({ leaf: leaf.certificate, intermediates: [ca.certificate, rollover.certificate] }));
    expect(path.certificates).toHaveLength(3);
  });

  it('uses a self-signed certificate only as an anchor, never as an intermediate', () => {
    const selfSigned = makeCert({ subject: exampleName('Self CA'), keySeed: 'self' });
    const leaf = makeCert({ subject: exampleName('Self leaf'), issuer: selfSigned, keySeed: 'leaf', ca: false });
    expectCode(base({ leaf: leaf.certificate, intermediates: [selfSigned.certificate] }), 'ERR_PATH_NOT_FOUND');
    expect(() => validatePath(base({ leaf: leaf.certificate, anchors: [selfSigned.certificate] }))).not.toThrow();
  });
});

describe('validatePath generic: each code', () => {
  it('ERR_PATH_NOT_FOUND when nothing chains', () => {
    expectCode(base({ intermediates: [] }), 'ERR_PATH_NOT_FOUND');
  });

  it('ERR_CERT_SIGNATURE_INVALID for the real issuer, not PATH_NOT_FOUND', () => {
    const bad = makeCert({
      subject: exampleName('Leaf'),
      issuer: chain.intermediates[0]!,
      keySeed: 'leaf',
      ca: false,
      corruptSignature: true,
    });
    expectCode(base({ leaf: bad.certificate }), 'ERR_CERT_SIGNATURE_INVALID');
  });

  it('ERR_CERT_EXPIRED / ERR_CERT_NOT_YET_VALID for the leaf, an intermediate and the anchor', () => {
    expectCode(base({ at: Date.parse('2035-01-01T00:00:01Z') }), 'ERR_CERT_EXPIRED');
    expectCode(base({ at: Date.parse('2019-12-31T23:59:59Z') }), 'ERR_CERT_NOT_YET_VALID');
    const oldCa = makeCert({
      subject: exampleName('Example CA 1'),
      issuer: chain.root,
      keySeed: 'ca-1',
      notAfter: '2025-01-01T00:00:00Z',
    });
    expectCode(base({ intermediates: [oldCa.certificate] }), 'ERR_CERT_EXPIRED');
    const lateRoot = makeCert({
      subject: exampleName('Example Root'),
      keySeed: 'root',
      notBefore: '2027-01-01T00:00:00Z',
    });
    expectCode(base({ anchors: [lateRoot.certificate] }), 'ERR_CERT_NOT_YET_VALID');
  });

  it('ERR_PATH_NAME_CHAINING when the key id and signature match but the issuer name does not', () => {
    const leaf = makeCert({
      subject: exampleName('Leaf'),
      issuer: chain.intermediates[0]!,
      issuerNameOverride: exampleName('Somebody Else'),
      keySeed: 'leaf',
      ca: false,
    });
    expectCode(base({ leaf: leaf.certificate }), 'ERR_PATH_NAME_CHAINING');
  });

  it('ERR_PATH_BASIC_CONSTRAINTS for an intermediate without cA (absent or FALSE)', () => {
    const noBc = makeCert({
      subject: exampleName('Example CA 1'),
      issuer: chain.root,
      keySeed: 'ca-1',
      basicConstraints: false,
    });
    expectCode(base({ intermediates: [noBc.certificate] }), 'ERR_PATH_BASIC_CONSTRAINTS');
    const notCa = makeCert({
      subject: exampleName('Example CA 1'),
      issuer: chain.root,
      keySeed: 'ca-1',
      ca: false,
      keyUsage: ['keyCertSign'],
    });
    expectCode(base({ intermediates: [notCa.certificate] }), 'ERR_PATH_BASIC_CONSTRAINTS');
  });

  it('ERR_PATH_CA_KEY_USAGE for a CA whose keyUsage lacks keyCertSign', () => {
    const ca = makeCert({
      subject: exampleName('Example CA 1'),
      issuer: chain.root,
      keySeed: 'ca-1',
      keyUsage: ['cRLSign'],
    });
    expectCode(base({ intermediates: [ca.certificate] }), 'ERR_PATH_CA_KEY_USAGE');
  });

  it('ERR_PATH_LEN_CONSTRAINT when non-self-issued intermediates exceed pathLen', () => {
    const ca0 = makeCert({ subject: exampleName('PL CA'), issuer: chain.root, keySeed: 'pl', pathLen: 0 });
    const sub = makeCert({ subject: exampleName('PL sub CA'), issuer: ca0, keySeed: 'pl-sub' });
    const leaf = makeCert({ subject: exampleName('PL leaf'), issuer: sub, keySeed: 'leaf', ca: false });
    expectCode(
      base({ leaf: leaf.certificate, intermediates: [ca0.certificate, sub.certificate] }),
      'ERR_PATH_LEN_CONSTRAINT',
    );
  });

  it('ERR_PATH_LEN_CONSTRAINT from the anchor’s own pathLen (RFC 5937)', () => {
    const root = makeCert({ subject: exampleName('Example Root'), keySeed: 'root', pathLen: 0 });
    expectCode(base({ anchors: [root.certificate] }), 'ERR_PATH_LEN_CONSTRAINT');
  });

  it('ERR_CERT_UNKNOWN_CRITICAL_EXTENSION on the leaf or an intermediate', () => {
    const ext = { oid: '1.3.6.1.4.1.99999.1', critical: true, value: seq() };
    expectCode(
      base({ leaf: leafUnder(chain.intermediates[0]!, 'crit', [ext]).certificate }),
      'ERR_CERT_UNKNOWN_CRITICAL_EXTENSION',
    );
    const ca = makeCert({ subject: exampleName('Example CA 1'), issuer: chain.root, keySeed: 'ca-1', extra: [ext] });
    expectCode(base({ intermediates: [ca.certificate] }), 'ERR_CERT_UNKNOWN_CRITICAL_EXTENSION');
    // A critical AIA is not something we process either.
    const aia = { oid: OID.authorityInfoAccess, critical: true, value: seq() };
    expectCode(
      base({ leaf: leafUnder(chain.intermediates[0]!, 'aia', [aia]).certificate }),
      'ERR_CERT_UNKNOWN_CRITICAL_EXTENSION',
    );
  });

  it('ERR_PATH_NAME_CONSTRAINTS_UNSUPPORTED whenever nameConstraints appear (even non-critical)', () => {
    const nc = { oid: OID.nameConstraints, critical: false, value: seq() };
    const ca = makeCert({ subject: exampleName('Example CA 1'), issuer: chain.root, keySeed: 'ca-1', extra: [nc] });
    expectCode(base({ intermediates: [ca.certificate] }), 'ERR_PATH_NAME_CONSTRAINTS_UNSUPPORTED');
  });

  it.each([
    ['policyMappings', OID.policyMappings, seq(seq(oid('1.2.3'), oid('1.2.4')))],
    ['policyConstraints', OID.policyConstraints, seq()],
    ['inhibitAnyPolicy', OID.inhibitAnyPolicy, integer(0)],
  ])('ERR_PATH_POLICY_UNSUPPORTED for %s', (_label, extOid, value) => {
    const ca = makeCert({
      subject: exampleName('Example CA 1'),
      issuer: chain.root,
      keySeed: 'ca-1',
      extra: [{ oid: extOid, critical: true, value }],
    });
    expectCode(base({ intermediates: [ca.certificate] }), 'ERR_PATH_POLICY_UNSUPPORTED');
  });

  it('ERR_PATH_TOO_LONG when the only path needs more intermediates than maxDepth', () => {
    const deep = exampleChain(2);
    const input = base({
      leaf: deep.leaf.certificate,
      intermediates: deep.intermediates.map((c) => c.certificate),
      anchors: [deep.root.certificate],
    });
    expect(validatePath({ ...input, maxDepth: 2 }).certificates).toHaveLength(3);
    expectCode({ ...input, maxDepth: 1 }, 'ERR_PATH_TOO_LONG');
    expectCode({ ...input, maxDepth: 0 }, 'ERR_PATH_TOO_LONG');
  });

  it('ERR_CERT_KEY_USAGE / ERR_CERT_EXT_KEY_USAGE for usages the caller requires', () => {
    expect(() => validatePath(base({ keyUsage: ['digitalSignature'] }))).not.toThrow();
    expectCode(base({ keyUsage: ['digitalSignature', 'keyEncipherment'] }), 'ERR_CERT_KEY_USAGE');
    // No extKeyUsage = unrestricted (RFC 5280 §4.2.1.12).
    expect(() => validatePath(base({ extendedKeyUsage: [OID.kpClientAuth] }))).not.toThrow();
    const eku = { oid: OID.extKeyUsage, critical: false, value: seq(oid(OID.kpOcspSigning)) };
    const leaf = leafUnder(chain.intermediates[0]!, 'eku', [eku]);
    expectCode(base({ leaf: leaf.certificate, extendedKeyUsage: [OID.kpClientAuth] }), 'ERR_CERT_EXT_KEY_USAGE');
  });

  it('ERR_PATH_TRUST_ANCHOR_INVALID for an anchor that is not a CA', () => {
    expect(() => createTrustStore([chain.leaf.certificate])).toThrowError(
      expect.objectContaining({ code: 'ERR_PATH_TRUST_ANCHOR_INVALID' }),
    );
  });

  it('TypeError for caller mistakes', () => {
    expect(() => validatePath(base({ anchors: [] }))).toThrow(TypeError);
    expect(() => validatePath(base({ at: Number.NaN }))).toThrow(TypeError);
    expect(() => validatePath(base({ maxDepth: -1 }))).toThrow(TypeError);
    expect(() => validatePath(base({ allowedPolicies: ['1.2.3'] }))).toThrow(TypeError);
    expect(() => validatePath(base({ keyUsage: ['bogus' as 'digitalSignature'] }))).toThrow(TypeError);
  });
});

describe('validatePath generic: hostile inputs stay bounded', () => {
  it('terminates on a cycle (A issues B, B issues A)', () => {
    // A and B certify each other; the leaf is issued by A; neither leads to the anchor.
    const aName = exampleName('Cycle A');
    const bName = exampleName('Cycle B');
    const aSelf = makeCert({ subject: aName, keySeed: 'cycle-a' });
    const bSelf = makeCert({ subject: bName, keySeed: 'cycle-b' });
    const aByB = makeCert({ subject: aName, issuer: bSelf, keySeed: 'cycle-a' });
    const bByA = makeCert({ subject: bName, issuer: aSelf, keySeed: 'cycle-b' });
    const leaf = makeCert({ subject: exampleName('Cycle leaf'), issuer: aSelf, keySeed: 'leaf', ca: false });
    expectCode(
      base({ leaf: leaf.certificate, intermediates: [aByB.certificate, bByA.certificate], maxDepth: 50 }),
      'ERR_PATH_NOT_FOUND',
    );
  });

  it('200 same-name CA candidates: the AKI-matching one is tried first and the path is found', () => {
    const fakes = Array.from({ length: 200 }, (_, i) =>
      makeCert({
        subject: exampleName('Example CA 1'),
        issuer: chain.root,
        keySeed: 'fake',
        serial: BigInt(50_000 + i),
      }),
    );
    const path = validatePath(
      base({ intermediates: [...fakes.map((f) => f.certificate), chain.intermediates[0]!.certificate] }),
    );
    expect(path.certificates[1]!.der).toEqual(chain.intermediates[0]!.der);
  });

  it('200 same-name CA candidates with no key ids to tell them apart: ERR_PATH_SEARCH_LIMIT', () => {
    const fakes = Array.from({ length: 200 }, (_, i) =>
      makeCert({
        subject: exampleName('Example CA 1'),
        issuer: chain.root,
        keySeed: 'fake',
        serial: BigInt(60_000 + i),
      }),
    );
    const leaf = makeCert({
      subject: exampleName('Leaf'),
      issuer: chain.intermediates[0]!,
      keySeed: 'leaf',
      ca: false,
      aki: null,
    });
    expectCode(
      base({
        leaf: leaf.certificate,
        intermediates: [...fakes.map((f) => f.certificate), chain.intermediates[0]!.certificate],
      }),
      'ERR_PATH_SEARCH_LIMIT',
    );
  });

  it('ERR_PATH_SEARCH_LIMIT when more intermediates are offered than the search accepts', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      makeCert({ subject: exampleName(`Other ${i}`), issuer: chain.root, keySeed: 'fake', serial: BigInt(70_000 + i) }),
    );
    expectCode(base({ intermediates: many.map((m) => m.certificate) }), 'ERR_PATH_SEARCH_LIMIT');
  });

  it('a copied SKI does not make an attacker key verify (the cache keys on the SPKI, not the key id)', () => {
    validatePath(base()); // warm the cache with the genuine CA
    const impostor = makeCert({ subject: exampleName('Example CA 1'), issuer: chain.root, keySeed: 'impostor' });
    const leaf = makeCert({
      subject: exampleName('Leaf'),
      issuer: impostor,
      keySeed: 'leaf',
      ca: false,
      aki: chain.intermediates[0]!.keyId,
    });
    // The impostor CA itself is validly issued by the root; only the key differs from the genuine CA.
    expectCode(base({ leaf: leaf.certificate }), 'ERR_CERT_SIGNATURE_INVALID');
  });

  it('duplicate intermediates and the leaf repeated among them are harmless', () => {
    const c = chain.intermediates[0]!.certificate;
    expect(validatePath(base({ intermediates: [c, c, c, chain.leaf.certificate] })).certificates).toHaveLength(2);
  });
});
