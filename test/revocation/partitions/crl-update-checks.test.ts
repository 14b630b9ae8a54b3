import { describe, expect, it } from 'vitest';
import { parseNameDer } from '../../../src/pki/name.js';
import { checkCrlCoversPartition, checkCrlNotRegressed } from '../../../src/revocation/partitions/crl-update-checks.js';
import { parsePartitionId } from '../../../src/revocation/partitions/partition-of-name.js';
import { crlDistributionPointName } from '../../../src/sandbox/jpki-names.js';
import { CHIYODA_ID, throwsWith } from '../manager/fixtures.js';

const at = (iso: string): Date => new Date(iso);
const scope = (dp: Uint8Array, over = {}) => ({
  directoryNames: [dp],
  uris: [],
  onlyContainsUserCerts: true,
  onlyContainsCACerts: false,
  ...over,
});

describe('checkCrlNotRegressed (RFC 5280 §5.2.3)', () => {
  const cur = { crlNumber: 5n, thisUpdate: at('2026-03-01T00:00:00Z') };

  it('accepts a higher number, recognises the same CRL', () => {
    expect(checkCrlNotRegressed(undefined, cur)).toBe('newer');
    expect(checkCrlNotRegressed(cur, { crlNumber: 6n, thisUpdate: at('2026-03-02T00:00:00Z') })).toBe('newer');
    expect(checkCrlNotRegressed(cur, { ...cur })).toBe('same');
    const plain = { crlNumber: undefined, thisUpdate: at('2026-03-01T00:00:00Z') };
    expect(checkCrlNotRegressed(plain, { crlNumber: undefined, thisUpdate: at('2026-03-02T00:00:00Z') })).toBe('newer');
  });

  it('refuses going backwards: ERR_CRL_NUMBER_REGRESSED', () => {
    throwsWith(
      () => checkCrlNotRegressed(cur, { crlNumber: 4n, thisUpdate: at('2026-03-02T00:00:00Z') }),
      'ERR_CRL_NUMBER_REGRESSED',
    );
    // same number, other content
    throwsWith(
      () => checkCrlNotRegressed(cur, { crlNumber: 5n, thisUpdate: at('2026-03-02T00:00:00Z') }),
      'ERR_CRL_NUMBER_REGRESSED',
    );
    // higher number but older thisUpdate
    throwsWith(
      () => checkCrlNotRegressed(cur, { crlNumber: 6n, thisUpdate: at('2026-02-28T00:00:00Z') }),
      'ERR_CRL_NUMBER_REGRESSED',
    );
    throwsWith(
      () => checkCrlNotRegressed(cur, { crlNumber: undefined, thisUpdate: at('2026-03-02T00:00:00Z') }),
      'ERR_CRL_NUMBER_REGRESSED',
    );
    const plain = { crlNumber: undefined, thisUpdate: at('2026-03-01T00:00:00Z') };
    throwsWith(
      () => checkCrlNotRegressed(plain, { crlNumber: undefined, thisUpdate: at('2026-02-01T00:00:00Z') }),
      'ERR_CRL_NUMBER_REGRESSED',
    );
  });
});

describe('checkCrlCoversPartition (RFC 5280 §5.2.5)', () => {
  const p = parsePartitionId(CHIYODA_ID);

  it('accepts the partition’s own IDP, and a CRL without IDP', () => {
    checkCrlCoversPartition(scope(crlDistributionPointName('signing', 'Tokyo-to', 'Chiyoda-ku')), p);
    checkCrlCoversPartition(undefined, p);
  });

  it('refuses another municipality’s CRL or a CA-only CRL: ERR_CRL_UNSUPPORTED_SCOPE', () => {
    const other = crlDistributionPointName('signing', 'Tokyo-to', 'Shinjuku-ku');
    const e = throwsWith(() => checkCrlCoversPartition(scope(other), p), 'ERR_CRL_UNSUPPORTED_SCOPE');
    expect(e.detail).toContain('shinjuku-ku');
    throwsWith(
      () => checkCrlCoversPartition(scope(crlDistributionPointName('authentication', 'Tokyo-to', 'Chiyoda-ku')), p),
      'ERR_CRL_UNSUPPORTED_SCOPE',
    );
    throwsWith(
      () =>
        checkCrlCoversPartition(
          scope(crlDistributionPointName('signing', 'Tokyo-to', 'Chiyoda-ku'), {
            onlyContainsUserCerts: false,
            onlyContainsCACerts: true,
          }),
          p,
        ),
      'ERR_CRL_UNSUPPORTED_SCOPE',
    );
    expect(parseNameDer(other).rdns.length).toBe(6);
  });
});
