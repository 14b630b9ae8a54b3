/**
 * OCSP failures are "no usable revocation information" (ETSI EN 319 102-1: INDETERMINATE /
 * TRY_LATER), never a verdict on the signature; only a verified "revoked" is final, through
 * the existing ERR_REVOKED. Each code's own negative test lives beside the rule it tests.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/errors.js';
import { indicationFor, SUB_INDICATION } from '../../../src/report/sub-indication.js';

const OCSP_CODES = ERROR_CODES.filter((c) => c.startsWith('ERR_OCSP_'));

describe('OCSP codes in the report', () => {
  it('the ten codes exist', () => {
    expect(OCSP_CODES).toEqual([
      'ERR_OCSP_UNAVAILABLE',
      'ERR_OCSP_MALFORMED',
      'ERR_OCSP_RESPONSE_STATUS',
      'ERR_OCSP_SIGNATURE_INVALID',
      'ERR_OCSP_RESPONDER_UNAUTHORIZED',
      'ERR_OCSP_CERT_ID_MISMATCH',
      'ERR_OCSP_STALE',
      'ERR_OCSP_NOT_YET_VALID',
      'ERR_OCSP_NONCE_MISMATCH',
      'ERR_OCSP_UNKNOWN',
    ]);
  });

  for (const code of OCSP_CODES) {
    it(`${code} → INDETERMINATE / TRY_LATER`, () => {
      expect(SUB_INDICATION[code]).toBe('TRY_LATER');
      expect(indicationFor(SUB_INDICATION[code])).toBe('INDETERMINATE');
    });
  }

  it('revoked stays ERR_REVOKED → TOTAL_FAILED / REVOKED', () => {
    expect(indicationFor(SUB_INDICATION.ERR_REVOKED)).toBe('TOTAL_FAILED');
  });
});
