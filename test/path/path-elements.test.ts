import { describe, expect, it } from 'vitest';
import { pathElements } from '../../src/path/path-elements.js';
import { clearSignatureCache, signatureCacheSize } from '../../src/path/signature-cache.js';
import { validatePath } from '../../src/path/validate-path.js';
import { AT, exampleChain, exampleName, makeCert } from './fixtures.js';

describe('pathElements: the links revocation checks walk', () => {
  it('names each certificate’s issuer, the anchor for the last', () => {
    const { root, intermediates, leaf } = exampleChain(2);
    const path = validatePath({
      leaf: leaf.certificate,
      intermediates: intermediates.map((c) => c.certificate),
      anchors: [root.certificate],
      at: AT,
      profile: 'generic',
    });
    const links = pathElements(path);
    expect(links.map((l) => [l.index, l.issuer.isAnchor])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    expect(links[0]!.issuer.certificate).toBe(intermediates[1]!.certificate);
    expect(links[2]!.issuer.certificate.der).toEqual(root.der);
    expect(links[2]!.issuer.keyHash).toBe(path.anchor.keyHash);
    expect(links.every((l) => l.issuer.sameCa.length === 1)).toBe(true);
  });

  it('lists the same CA’s other validated keys (self-issued rollover) as sameCa', () => {
    const { root } = exampleChain(0);
    const oldKey = makeCert({ subject: exampleName('Rollover CA'), issuer: root, keySeed: 'roll-old' });
    const newKey = makeCert({ subject: exampleName('Rollover CA'), issuer: oldKey, keySeed: 'roll-new' });
    const leaf = makeCert({ subject: exampleName('Rollover leaf'), issuer: newKey, keySeed: 'leaf', ca: false });
    const path = validatePath({
      leaf: leaf.certificate,
      intermediates: [oldKey.certificate, newKey.certificate],
      anchors: [root.certificate],
      at: AT,
      profile: 'generic',
    });
    const [first] = pathElements(path);
    expect(first!.issuer.sameCa).toEqual([newKey.certificate, oldKey.certificate]);
  });
});

describe('signature cache', () => {
  it('remembers successful verifications once per (certificate, issuer key)', () => {
    const { root, intermediates, leaf } = exampleChain(1);
    const input = {
      leaf: leaf.certificate,
      intermediates: intermediates.map((c) => c.certificate),
      anchors: [root.certificate],
      at: AT,
      profile: 'generic' as const,
    };
    clearSignatureCache();
    validatePath(input);
    expect(signatureCacheSize()).toBe(2);
    validatePath(input);
    expect(signatureCacheSize()).toBe(2);
  });
});
