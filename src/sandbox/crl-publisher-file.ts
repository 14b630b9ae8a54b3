/**
 * writePartitionCrlFile: a sandbox partition's CRL streamed to disk, for partitions grown to
 * millions of entries. Pure synthetic partitions go through crl-file.ts's writeCrlFile; once a
 * sandbox card is revoked in a grown partition, its entries are written first and the same
 * synthetic entries follow (identical bytes), so "revoke → next CRL lists it" holds at any size.
 */
import { createSign } from 'node:crypto';
import { open } from 'node:fs/promises';
import { bitString, concat } from '../pki/der-write.js';
import { algorithmIdentifier, encodeEntry, tbsParts } from './crl.js';
import { syntheticReason, writeCrlFile } from './crl-file.js';
import { headerOf, syntheticEntry, type PartitionCrlInput } from './crl-publisher.js';

const CHUNK = 4 << 20;

function derHeader(tag: number, len: number): Uint8Array {
  if (len < 0x80) return Uint8Array.of(tag, len);
  const b: number[] = [];
  for (let v = len; v > 0; v = Math.floor(v / 256)) b.unshift(v % 256);
  return Uint8Array.of(tag, 0x80 | b.length, ...b);
}

export async function writePartitionCrlFile(path: string, p: PartitionCrlInput): Promise<{ bytes: number }> {
  const n = p.synthetic ?? 0;
  const header = headerOf(p);
  if (p.entries.length === 0 && n > 0) return writeCrlFile(path, { ...header, count: n });
  const bits = header.issuerPrivateKey.asymmetricKeyDetails?.modulusLength;
  if (header.issuerPrivateKey.asymmetricKeyType !== 'rsa' || !bits) throw new TypeError('RSA issuer keys only');

  const explicit = p.entries.map(encodeEntry);
  // Synthetic entry sizes depend only on whether a reason is present: measure both once.
  const size = (i: number): number => encodeEntry(syntheticEntry(i, n, p.thisUpdate)).length;
  let entriesLen = explicit.reduce((a, e) => a + e.length, 0);
  const sized = new Map<boolean, number>();
  for (let i = 0; i < n; i++) {
    const key = syntheticReason(i) !== 0;
    let s = sized.get(key);
    if (s === undefined) sized.set(key, (s = size(i)));
    entriesLen += s;
  }
  const { head, extensions } = tbsParts(header);
  const listHeader = entriesLen ? derHeader(0x30, entriesLen) : new Uint8Array(0);
  const tbsLen = head.length + listHeader.length + entriesLen + extensions.length;
  const tbsHeader = derHeader(0x30, tbsLen);
  const alg = algorithmIdentifier('sha256WithRSAEncryption');
  const sigLen = Math.ceil(bits / 8);
  const sigHeader = derHeader(0x03, sigLen + 1);
  const outerLen = tbsHeader.length + tbsLen + alg.length + sigHeader.length + 1 + sigLen;

  const signer = createSign('sha256');
  const fh = await open(path, 'w');
  let buf = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  let written = 0;
  const put = async (bytes: Uint8Array, signed: boolean): Promise<void> => {
    if (signed) signer.update(bytes);
    if (used + bytes.length > buf.length) {
      await fh.write(buf, 0, used);
      written += used;
      used = 0;
      if (bytes.length > buf.length) buf = Buffer.allocUnsafe(bytes.length);
    }
    buf.set(bytes, used);
    used += bytes.length;
  };
  try {
    await put(derHeader(0x30, outerLen), false);
    await put(concat(tbsHeader, head, listHeader), true);
    for (const e of explicit) await put(e, true);
    for (let i = 0; i < n; i++) await put(encodeEntry(syntheticEntry(i, n, p.thisUpdate)), true);
    await put(extensions, true);
    await put(concat(alg, bitString(signer.sign(header.issuerPrivateKey))), false);
    await fh.write(buf, 0, used);
    written += used;
  } finally {
    await fh.close();
  }
  if (written !== derHeader(0x30, outerLen).length + outerLen) throw new Error('writePartitionCrlFile: bad length');
  return { bytes: written };
}
