import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGatewayError } from '../../src/errors.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { validatePath } from '../../src/path/validate-path.js';
import { createTrustStore } from '../../src/trust/create-trust-store.js';
import { deriveRsaKey } from '../../src/sandbox/index.js';
import { cert, sandbox, T } from './fixtures.js';

describe('validatePath on mutated leaves (property)', () => {
  const pki = sandbox();
  const anchors = createTrustStore([...pki.signingRoots, ...pki.authenticationRoots].map(cert));
  const der = pki.issueSigningCertificate({ key: deriveRsaKey('path-tests/jpki-leaf') }).der;
  const at = T('2026-06-01T00:00:00Z');

  it('the unmutated leaf validates (the property below is not vacuous)', () => {
    expect(() => validatePath({ leaf: parseCertificate(der), anchors, at, profile: 'jpki-signing' })).not.toThrow();
  });

  it('any 1–4 byte mutation never validates and only ever throws GatewayError', () => {
    const mutation = fc.array(
      fc.record({ at: fc.nat({ max: der.length - 1 }), xor: fc.integer({ min: 1, max: 255 }) }),
      {
        minLength: 1,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(mutation, (edits) => {
        const bytes = new Uint8Array(der);
        for (const e of edits) bytes[e.at] = bytes[e.at]! ^ e.xor;
        if (bytes.every((b, i) => b === der[i])) return; // edits cancelled out
        try {
          validatePath({ leaf: parseCertificate(bytes), anchors, at, profile: 'jpki-signing' });
        } catch (e) {
          if (isGatewayError(e)) return;
          throw e;
        }
        throw new Error(`mutated leaf validated: ${JSON.stringify(edits)}`);
      }),
      { numRuns: 300, seed: 20260105 },
    );
  });
});
