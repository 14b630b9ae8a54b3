import { describe, expect, it } from 'vitest';
import { checkRevocation, ingestCrl } from '../../../src/revocation/crl/index.js';
import type { DistributionPoint } from '../../../src/pki/extensions.js';
import { CA_NAME, DP_NAME, OTHER_DP_NAME, clock, issuer, makeCrl, name, throwsWith } from './fixtures.js';

const dp = (der: Uint8Array): DistributionPoint => ({
  fullName: [{ type: 'directoryName', der }],
  hasRelativeName: false,
  hasReasons: false,
  hasCrlIssuer: false,
});

describe('checkRevocation (RFC 5280 §6.3.3 (b)(2))', () => {
  it('answers from a full CRL for any certificate of the issuer', async () => {
    const crl = await ingestCrl(makeCrl(), { issuers: [issuer()], clock });
    expect(checkRevocation(crl, '12345678')).toMatchObject({ revoked: true, reason: 'affiliationChanged' });
    expect(checkRevocation(crl, '12345679', [dp(DP_NAME)])).toEqual({ revoked: false });
  });

  it('answers from a partition CRL only for certificates naming that partition', async () => {
    const crl = await ingestCrl(makeCrl({ idpDirectoryNameDer: DP_NAME, idp: { onlyContainsUserCerts: true } }), {
      issuers: [issuer()],
      clock,
    });
    expect(crl.idp?.directoryNames.map((d) => Buffer.from(d))).toEqual([Buffer.from(DP_NAME)]);
    expect(crl.idp?.onlyContainsUserCerts).toBe(true);
    expect(checkRevocation(crl, '12345678', [dp(DP_NAME)])).toMatchObject({ revoked: true });
    // RFC 5280 §7.1: case and spacing differences still match
    const lower = name(
      ['2.5.4.6', 'jp'],
      ['2.5.4.10', 'JPKI'],
      ['2.5.4.11', 'JPKI  for digital signature'],
      ['2.5.4.11', 'CRL Distribution Points'],
      ['2.5.4.11', 'TOKYO'],
      ['2.5.4.3', 'Shinjuku-ku CRLDP'],
    );
    expect(checkRevocation(crl, '01', [dp(lower)])).toEqual({ revoked: false });
    throwsWith(() => checkRevocation(crl, '12345678', [dp(OTHER_DP_NAME)]), 'ERR_CRL_UNSUPPORTED_SCOPE');
    throwsWith(() => checkRevocation(crl, '12345678'), 'ERR_CRL_UNSUPPORTED_SCOPE');
    throwsWith(() => checkRevocation(crl, '12345678', [dp(DP_NAME)], { isCa: true }), 'ERR_CRL_UNSUPPORTED_SCOPE');
  });

  it('a CA-only CRL does not answer for end-entity certificates', async () => {
    const crl = await ingestCrl(makeCrl({ idp: { onlyContainsCACerts: true } }), { issuers: [issuer()], clock });
    throwsWith(() => checkRevocation(crl, '12345678'), 'ERR_CRL_UNSUPPORTED_SCOPE');
    expect(checkRevocation(crl, '12345678', undefined, { isCa: true })).toMatchObject({ revoked: true });
  });

  it('the issuer name itself is not a distribution point name', async () => {
    const crl = await ingestCrl(makeCrl({ idpDirectoryNameDer: DP_NAME }), { issuers: [issuer()], clock });
    throwsWith(() => checkRevocation(crl, '01', [dp(CA_NAME)]), 'ERR_CRL_UNSUPPORTED_SCOPE');
  });
});
