/**
 * Random mutations of valid responses (CA-signed and delegated, good and revoked): whatever
 * the bytes, verifyOcspResponse never says "good" for a changed response and never throws
 * anything but an ERR_OCSP_* GatewayError.
 */
import fc from 'fast-check';
import { applyMutations, mutation, type Mutation } from '../../support/byte-mutations.js';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/errors.js';
import { bytesEqual } from '../../../src/pki/der-values.js';
import { buildOcspResponse } from '../../../src/sandbox/ocsp-response-builder.js';
import { HOUR } from './fixtures.js';
import { delegatedSpec, NOW, spec, verify } from './responses.js';

const apply = applyMutations;

const revoked = { kind: 'revoked' as const, revokedAt: new Date(NOW - HOUR), reason: 'affiliationChanged' as const };
const BASES: [string, Uint8Array][] = [
  ['CA-signed good', buildOcspResponse(spec())],
  ['delegated good', buildOcspResponse(delegatedSpec())],
  ['CA-signed revoked', buildOcspResponse(spec({ responses: [{ ...spec().responses[0]!, status: revoked }] }))],
];

/** Mutated bytes either fail with an OCSP code or (only if unchanged) verify as before. */
function property(base: Uint8Array, baseStatus: string) {
  return (ms: Mutation[]) => {
    const der = apply(base, ms);
    let status: string;
    try {
      status = verify(der).status;
    } catch (e) {
      if (!(e instanceof GatewayError)) throw new Error(`raw exception: ${String(e)}`);
      expect(e.code.startsWith('ERR_OCSP_'), e.code).toBe(true);
      return;
    }
    // Reaching here means the response verified: the mutation must have been a no-op.
    expect(bytesEqual(der, base), `a changed response verified as ${status}`).toBe(true);
    expect(status).toBe(baseStatus);
  };
}

describe('random mutations of an OCSP response', () => {
  for (const [name, base] of BASES) {
    it(`${name}: never good when changed, never an uncoded exception`, () => {
      const baseStatus = verify(base).status; // the property is not vacuous: the original verifies
      expect(['good', 'revoked']).toContain(baseStatus);
      fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), property(base, baseStatus)), {
        numRuns: 700,
      });
    });
  }

  for (const [name, base] of BASES) {
    it(`${name}: every single-bit change (low and high bit of each byte) is refused with an OCSP code`, () => {
      for (let i = 0; i < base.length; i++) {
        for (const x of [0x01, 0x80]) {
          const der = Uint8Array.from(base);
          der[i] = der[i]! ^ x;
          let caught: unknown;
          try {
            verify(der);
          } catch (e) {
            caught = e;
          }
          expect(caught, `byte ${i} ^ ${x}`).toBeInstanceOf(GatewayError);
          expect((caught as GatewayError).code.startsWith('ERR_OCSP_')).toBe(true);
        }
      }
    });
  }
});
