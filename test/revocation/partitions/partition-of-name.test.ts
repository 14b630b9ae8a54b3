import { describe, expect, it } from 'vitest';
import { parseNameDer } from '../../../src/pki/name.js';
import { oid, seq, setOf, utf8 } from '../../../src/pki/der-write.js';
import { parsePartitionId, partitionOfName, slug } from '../../../src/revocation/partitions/partition-of-name.js';
import { compileCrlTemplate } from '../../../src/revocation/partitions/compile-crl-template.js';
import { createPartitionResolver } from '../../../src/revocation/partitions/resolve-partition.js';
import { crlDistributionPointName } from '../../../src/sandbox/jpki-names.js';
import { CHIYODA_ID, leaf, pki, throwsWith } from '../manager/fixtures.js';
import { parseCertificate } from '../../../src/pki/certificate.js';

const rdn = (type: string, v: string): Uint8Array => setOf(seq(oid(type), utf8(v)));
const O = '2.5.4.10';
const OU = '2.5.4.11';
const CN = '2.5.4.3';
/** The production layout (jpki-reference §1), O=JPKI. */
const productionDp = seq(
  rdn('2.5.4.6', 'JP'),
  rdn(O, 'JPKI'),
  rdn(OU, 'JPKI for digital signature'),
  rdn(OU, 'CRL Distribution Points'),
  rdn(OU, 'Tokyo-to'),
  rdn(CN, 'Chiyoda-ku CRLDP'),
);

describe('partitionOfName', () => {
  it('maps the JPKI CRL DP directoryName to purpose/prefecture/municipality slugs', () => {
    expect(partitionOfName(parseNameDer(productionDp))).toEqual({
      id: CHIYODA_ID,
      purpose: 'signing',
      prefecture: 'tokyo-to',
      municipality: 'chiyoda-ku',
    });
    const auth = partitionOfName(
      parseNameDer(crlDistributionPointName('authentication', 'Osaka-fu', 'Osaka-shi Kita-ku')),
    );
    expect(auth.id).toBe('authentication/osaka-fu/osaka-shi-kita-ku');
  });

  it('slugs any text into [a-z0-9-] without losing non-ASCII names', () => {
    expect(slug('  Chiyoda_ku. ')).toBe('chiyoda-ku');
    expect(slug('千代田区')).toBe('xe58d83xe4bba3xe794b0xe58cba');
    expect(slug('../../etc')).toBe('x2f-x2fetc'); // no separator survives
    expect(() => slug('..')).toThrow();
  });

  it('refuses a DP that is not a JPKI partition name: ERR_REVOCATION_UNAVAILABLE', () => {
    throwsWith(() => partitionOfName(parseNameDer(seq(rdn(CN, 'Some CRL')))), 'ERR_REVOCATION_UNAVAILABLE');
    throwsWith(
      () => partitionOfName(parseNameDer(seq(rdn(OU, 'CRL Distribution Points'), rdn(OU, 'X'), rdn(CN, 'Y')))),
      'ERR_REVOCATION_UNAVAILABLE',
    );
    throwsWith(() => parsePartitionId('signing/../etc'), 'ERR_REVOCATION_UNAVAILABLE');
    throwsWith(() => parsePartitionId('signing/tokyo-to'), 'ERR_REVOCATION_UNAVAILABLE');
  });
});

describe('compileCrlTemplate', () => {
  const p = parsePartitionId(CHIYODA_ID);

  it('expands and matches file and URL templates', () => {
    const t = compileCrlTemplate('{purpose}/{prefecture}/{municipality}.crl', 'path');
    expect(t.expand(p)).toBe('signing/tokyo-to/chiyoda-ku.crl');
    expect(t.match('signing/tokyo-to/chiyoda-ku.crl')).toEqual(p);
    expect(t.match('signing/tokyo-to/chiyoda-ku.crl.tmp')).toBeUndefined();
    expect(t.match('signing/Tokyo/x.crl')).toBeUndefined();
    const u = compileCrlTemplate('https://mirror.example/crl/{purpose}.{prefecture}.{municipality}.der', 'url');
    expect(u.expand(p)).toBe('https://mirror.example/crl/signing.tokyo-to.chiyoda-ku.der');
  });

  it('refuses templates that could escape or merge partitions', () => {
    for (const bad of [
      '/abs/{purpose}/{prefecture}/{municipality}.crl',
      '../{purpose}/{prefecture}/{municipality}.crl',
      '{purpose}/{prefecture}.crl',
      '{purpose}/{prefecture}/{municipality}/{municipality}.crl',
      '{purpose}/{prefecture}/{town}.crl',
      '{purpose}\\{prefecture}\\{municipality}.crl',
      '{purpose}/{prefecture}-{municipality}.crl', // tokyo-to + chiyoda-ku = tokyo + to-chiyoda-ku
      '{purpose}/{prefecture}x{municipality}.crl',
    ]) {
      expect(() => compileCrlTemplate(bad, 'path'), bad).toThrow(TypeError);
    }
    for (const bad of [
      'https://{purpose}.example/{prefecture}/{municipality}.crl',
      'file:///x/{purpose}/{prefecture}/{municipality}.crl',
      'https://user:pw@mirror.example/{purpose}/{prefecture}/{municipality}.crl',
    ]) {
      expect(() => compileCrlTemplate(bad, 'url'), bad).toThrow(TypeError);
    }
  });
});

describe('createPartitionResolver', () => {
  it('resolves a certificate to its partition, cached per DP bytes', () => {
    const r = createPartitionResolver();
    const a = leaf();
    const first = r.resolve(a.cert);
    expect(first.partition.id).toBe(CHIYODA_ID);
    // another parse of another certificate with the same DP: the same cached object
    expect(r.resolve(leaf().cert)).toBe(first);
    expect(r.resolve(parseCertificate(a.der))).toBe(first);
  });

  it('fails closed, every time, for a certificate without a JPKI partition', () => {
    const r = createPartitionResolver();
    const cert = parseCertificate(pki.issueSigningCertificate({ omitExtensions: ['2.5.29.31'] }).der);
    throwsWith(() => r.resolve(cert), 'ERR_REVOCATION_UNAVAILABLE');
    throwsWith(() => r.resolve(cert), 'ERR_REVOCATION_UNAVAILABLE');
  });
});
