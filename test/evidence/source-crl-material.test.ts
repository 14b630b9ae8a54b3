/**
 * CRL material from the CRL manager's sources: the drop directory's CRL for the certificate's
 * partition, only when it is exactly the CRL the report names; cached once found.
 */
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createSourceCrlMaterial } from '../../src/evidence/source-crl-material.js';
import { createDirectorySource } from '../../src/revocation/sources/create-directory-source.js';
import { CHIYODA, T0, crl, dropCrl, leaf, pki, tempDir } from '../revocation/manager/fixtures.js';

describe('createSourceCrlMaterial', () => {
  it('finds the partition CRL the report names in a drop directory, and only that one', async () => {
    const dir = await tempDir();
    const path = 'signing/tokyo-to/chiyoda-ku.crl';
    const der = crl({ crlNumber: 3, partition: CHIYODA });
    await dropCrl(dir, path, der);
    const material = createSourceCrlMaterial({ sources: [createDirectorySource({ dir })] });
    const l = leaf();
    const q = {
      issuerDer: l.cert.issuer.der,
      crlNumber: '3',
      thisUpdate: new Date(T0).toISOString(),
      certificate: l.der,
    };
    expect(await material.find(q)).toEqual([der]);
    expect(await material.find({ ...q, crlNumber: '2' })).toEqual([]); // the source moved on: not this one
    expect(await material.find({ ...q, certificate: pki.root('signing').der })).toEqual([]); // no partition
    expect(await material.find({ ...q, certificate: undefined })).toEqual([]);
    await rm(`${dir}/${path}`);
    expect(await material.find(q)).toEqual([der]); // cached
  });
});
