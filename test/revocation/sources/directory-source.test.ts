import { mkdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePartitionId } from '../../../src/revocation/partitions/partition-of-name.js';
import { createDirectorySource } from '../../../src/revocation/sources/create-directory-source.js';
import { CHIYODA_ID, SHINJUKU, SHINJUKU_ID, crl, dropCrl, rejectsWith, tempDir } from '../manager/fixtures.js';

const chiyoda = parsePartitionId(CHIYODA_ID);

describe('createDirectorySource', () => {
  it('finds the file at the template, then answers not-modified until it changes', async () => {
    const dir = await tempDir();
    const src = createDirectorySource({ dir });
    expect(await src.fetch(chiyoda, undefined)).toMatchObject({ status: 'absent' });
    await dropCrl(dir, 'signing/tokyo-to/chiyoda-ku.crl', crl({ crlNumber: 1 }));
    const f = await src.fetch(chiyoda, undefined);
    expect(f).toMatchObject({ status: 'fetched', input: join(dir, 'signing/tokyo-to/chiyoda-ku.crl') });
    if (f.status !== 'fetched') throw new Error('unreachable');
    expect(await src.fetch(chiyoda, f.validators)).toMatchObject({ status: 'not-modified' });
    await dropCrl(dir, 'signing/tokyo-to/chiyoda-ku.crl', crl({ crlNumber: 2 }));
    await utimes(join(dir, 'signing/tokyo-to/chiyoda-ku.crl'), new Date(), new Date(Date.now() + 5000));
    expect(await src.fetch(chiyoda, f.validators)).toMatchObject({ status: 'fetched' });
  });

  it('honours a custom template and discovers the partitions present', async () => {
    const dir = await tempDir();
    const src = createDirectorySource({ dir, template: 'jlis/{prefecture}_{municipality}.{purpose}.der' });
    await dropCrl(dir, 'jlis/tokyo-to_chiyoda-ku.signing.der', crl({ crlNumber: 1 }));
    await dropCrl(dir, 'jlis/tokyo-to_shinjuku-ku.signing.der', crl({ crlNumber: 1 }));
    await dropCrl(dir, 'jlis/README.txt', new Uint8Array(1));
    await dropCrl(dir, 'jlis/Tokyo-to_Chiyoda-ku.signing.der', new Uint8Array(1)); // not a slug: ignored
    expect((await src.discover!()).map((p) => p.id)).toEqual([CHIYODA_ID, SHINJUKU_ID]);
    expect(src.locate(chiyoda)).toBe(join(dir, 'jlis/tokyo-to_chiyoda-ku.signing.der'));
  });

  it('follows symlinked files and directories (mounted volumes)', async () => {
    const real = await tempDir();
    await dropCrl(real, 'tokyo/chiyoda-ku.crl', crl({ crlNumber: 1 }));
    await dropCrl(real, 'shinjuku.der', crl({ crlNumber: 1, partition: SHINJUKU }));
    const dir = await tempDir();
    await mkdir(join(dir, 'signing'), { recursive: true });
    await symlink(join(real, 'tokyo'), join(dir, 'signing/tokyo-to')); // a directory link
    await symlink(join(real, 'shinjuku.der'), join(dir, 'signing/tokyo-to/shinjuku-ku.crl')); // a file link
    const src = createDirectorySource({ dir });
    expect((await src.discover!()).map((p) => p.id)).toEqual([CHIYODA_ID, SHINJUKU_ID]);
    expect(await src.fetch(parsePartitionId(SHINJUKU_ID), undefined)).toMatchObject({ status: 'fetched' });
  });

  it('caps the size before reading: ERR_CRL_TOO_LARGE', async () => {
    const dir = await tempDir();
    await dropCrl(dir, 'signing/tokyo-to/chiyoda-ku.crl', new Uint8Array(2048));
    await rejectsWith(createDirectorySource({ dir, maxBytes: 1024 }).fetch(chiyoda, undefined), 'ERR_CRL_TOO_LARGE');
  });

  it('a directory where the file should be is a fetch failure: ERR_CRL_FETCH_FAILED', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'signing/tokyo-to/chiyoda-ku.crl'), { recursive: true });
    await writeFile(join(dir, 'x'), '');
    await rejectsWith(createDirectorySource({ dir }).fetch(chiyoda, undefined), 'ERR_CRL_FETCH_FAILED');
  });
});
