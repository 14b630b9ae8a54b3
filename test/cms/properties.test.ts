/**
 * Property tests (fast-check): truncation at every byte and random byte mutations never
 * produce anything but a GatewayError, and a change to any signed part is always rejected.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifySignedData } from '../../src/cms/verify-signed-data.js';
import { verifyRawSignature, type VerifyRawSignatureInput } from '../../src/cms/verify-raw-signature.js';
import { parseSignedData } from '../../src/cms/parse-signed-data.js';
import { parseSignerInfo } from '../../src/cms/parse-signer-info.js';
import { GatewayError } from '../../src/errors.js';
import { bytesEqual } from '../../src/pki/der-values.js';
import { buildSignedAttributes } from '../../src/cms/build-signed-attributes.js';
import { sign as nodeSign } from 'node:crypto';
import { content, ecLeaf, leaf, root, sign } from './fixtures.js';

type Outcome =
  { accepted: true; result: ReturnType<typeof verifySignedData> } | { accepted: false; error: GatewayError };

function attempt(cms: Uint8Array, c?: Uint8Array): Outcome {
  try {
    return { accepted: true, result: verifySignedData({ unverifiedSignature: cms, content: c }) };
  } catch (e) {
    if (!(e instanceof GatewayError)) throw new Error(`non-GatewayError escaped: ${String(e)}`, { cause: e });
    return { accepted: false, error: e };
  }
}

const mutate = (b: Uint8Array, pos: number, xor: number) => {
  const out = Uint8Array.from(b);
  out[pos]! ^= xor;
  return out;
};

/** Byte ranges [start, end) of the parts a signature with signed attributes covers. */
function signedRanges(cms: Uint8Array): { name: string; start: number; end: number }[] {
  const sd = parseSignedData(cms, 32);
  const si = parseSignerInfo(cms, sd.signerInfos[0]!);
  const off = (sub: Uint8Array) => sub.byteOffset - cms.byteOffset;
  const ranges = [
    { name: 'signature value', start: off(si.signature), end: off(si.signature) + si.signature.length },
    {
      name: 'signer certificate',
      start: off(sd.certificates[0]!),
      end: off(sd.certificates[0]!) + sd.certificates[0]!.length,
    },
  ];
  if (si.signedAttrs) ranges.push({ name: 'signed attributes', start: si.signedAttrs.start, end: si.signedAttrs.end });
  if (sd.eContent)
    ranges.push({ name: 'content', start: off(sd.eContent), end: off(sd.eContent) + sd.eContent.length });
  return ranges;
}

describe('truncation', () => {
  it.each([
    ['detached CAdES-BES with a CA certificate', sign({ extraCertificates: [root.der] }), content],
    ['attached, no signed attributes', sign({ detached: false, signedAttributes: false }), undefined],
    ['ECDSA, SKI sid', sign({ certificate: ecLeaf.der, privateKey: ecLeaf.privateKey, sid: 'ski' }), content],
  ])('%s: every proper prefix is rejected with a GatewayError', (_name, cms, c) => {
    for (let n = 0; n < cms.length; n++) expect(attempt(cms.subarray(0, n), c).accepted).toBe(false);
    expect(attempt(cms, c).accepted).toBe(true);
  });
});

describe('random mutations', () => {
  const attached = sign({ detached: false, extraCertificates: [root.der] });

  it('anywhere: only GatewayErrors, and an accepted mutation changed nothing the result vouches for', () => {
    fc.assert(
      fc.property(fc.nat(attached.length - 1), fc.integer({ min: 1, max: 255 }), (pos, xor) => {
        const o = attempt(mutate(attached, pos, xor));
        if (o.accepted) {
          // Tolerated only in unsigned, non-semantic places (e.g. letter case in the sid's issuer
          // Name, which RFC 5280 §7.1 matching ignores, or the CA certificate, which path
          // validation checks): the verified signer, content and signing time are unchanged.
          expect(bytesEqual(o.result.signerCertificate.der, leaf.der)).toBe(true);
          expect(bytesEqual(o.result.content, content)).toBe(true);
          expect(o.result.signingTime?.getTime()).toBe(new Date('2026-02-01T03:04:05Z').getTime());
        }
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['attached CAdES-BES', attached, undefined],
    ['detached, SKI sid', sign({ sid: 'ski' }), content],
    ['attached, no signed attributes', sign({ detached: false, signedAttributes: false }), undefined],
    ['PSS', sign({ signatureAlgorithm: 'rsassa-pss', detached: false }), undefined],
    ['ECDSA', sign({ certificate: ecLeaf.der, privateKey: ecLeaf.privateKey, detached: false }), undefined],
  ])('%s: any change inside a signed part is rejected', (_name, cms, c) => {
    const ranges = signedRanges(cms);
    const hasAttributes = ranges.some((r) => r.name === 'signed attributes');
    // Without signed attributes (no signing-certificate-v2) nothing binds the certificate
    // bytes, only its key: path validation judges the rest, so it is not a signed part here.
    const bound = ranges.filter((r) => r.end > r.start && (hasAttributes || r.name !== 'signer certificate'));
    fc.assert(
      fc.property(fc.constantFrom(...bound), fc.nat(), fc.integer({ min: 1, max: 255 }), (range, k, xor) => {
        const pos = range.start + (k % (range.end - range.start));
        expect(attempt(mutate(cms, pos, xor), c).accepted, `${range.name} byte ${pos}`).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });

  it('detached content: any change is rejected', () => {
    const cms = sign();
    fc.assert(
      fc.property(fc.nat(content.length - 1), fc.integer({ min: 1, max: 255 }), (pos, xor) => {
        expect(attempt(cms, mutate(content, pos, xor)).accepted).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes and random DER-ish prefixes never escape as non-GatewayErrors', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(attempt(bytes).accepted).toBe(false);
        expect(attempt(Uint8Array.from([0x30, 0x82, bytes.length >> 8, bytes.length & 0xff, ...bytes])).accepted).toBe(
          false,
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('raw mode mutations', () => {
  const built = buildSignedAttributes({ content });
  const sig = nodeSign('sha256', built.signedAttributes, leaf.privateKey);
  const base: VerifyRawSignatureInput = {
    unverifiedSignatureValue: sig,
    unverifiedCertificate: leaf.der,
    digest: built.digest,
    digestAlgorithm: 'SHA-256',
  };
  const rawAttempt = (input: VerifyRawSignatureInput): boolean => {
    try {
      verifyRawSignature(input);
      return true;
    } catch (e) {
      if (!(e instanceof GatewayError)) throw e;
      return false;
    }
  };

  it('the unmutated input verifies; a changed signature or digest never does', () => {
    expect(rawAttempt(base)).toBe(true);
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 255 }), (inSig, k, xor) => {
        const input = inSig
          ? { ...base, unverifiedSignatureValue: mutate(sig, k % sig.length, xor) }
          : { ...base, digest: mutate(built.digest, k % built.digest.length, xor) };
        expect(rawAttempt(input)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('certificate mutations and truncations only ever raise GatewayErrors', () => {
    fc.assert(
      fc.property(fc.nat(leaf.der.length - 1), fc.integer({ min: 1, max: 255 }), (pos, xor) => {
        rawAttempt({ ...base, unverifiedCertificate: mutate(leaf.der, pos, xor) });
      }),
      { numRuns: 1000 },
    );
    for (let n = 0; n < leaf.der.length; n += 3)
      expect(rawAttempt({ ...base, unverifiedCertificate: leaf.der.subarray(0, n) })).toBe(false);
  });
});
